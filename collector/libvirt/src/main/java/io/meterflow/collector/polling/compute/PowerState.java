package io.meterflow.collector.polling.compute;

/**
 * libvirt's domain states, in libvirt's numbering, with the names Ceilometer gives them in
 * resource metadata ({@code state} from Nova's power states, {@code status} Nova's guess).
 */
public enum PowerState {
    NOSTATE("pending", "building"),
    RUNNING("running", "active"),
    BLOCKED("running", "active"),
    PAUSED("paused", "paused"),
    SHUTDOWN("shutdown", "stopped"),
    SHUTOFF("shutdown", "stopped"),
    CRASHED("crashed", "error"),
    PMSUSPENDED("suspended", "suspended");

    private final String state;
    private final String status;

    PowerState(String state, String status) {
        this.state = state;
        this.status = status;
    }

    /** From libvirt's {@code virDomainState} number; unknown numbers are NOSTATE. */
    public static PowerState of(int libvirtState) {
        PowerState[] all = values();
        return libvirtState >= 0 && libvirtState < all.length ? all[libvirtState] : NOSTATE;
    }

    /** libvirt's number, the volume of {@code power.state}. */
    public int code() {
        return ordinal();
    }

    public String state() {
        return state;
    }

    public String status() {
        return status;
    }
}
