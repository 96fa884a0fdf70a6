package io.meterflow.testsupport.internal.amqp;

/** Creates and deletes virtual hosts on a broker, where the broker lets this JVM do so. */
interface VirtualHostAdmin {

    /** A broker where no virtual host can be created: every class shares one and uses name prefixes. */
    VirtualHostAdmin NONE = new VirtualHostAdmin() {
        @Override
        public boolean create(String name) {
            return false;
        }

        @Override
        public void delete(String name) {
            throw new IllegalStateException("No virtual host was created");
        }
    };

    /**
     * Creates the virtual host and lets the broker's test user into it.
     *
     * @return false when this broker will not create one, so the caller falls back to name prefixes
     */
    boolean create(String name);

    void delete(String name);
}
