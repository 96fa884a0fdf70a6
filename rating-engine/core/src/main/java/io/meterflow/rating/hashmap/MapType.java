package io.meterflow.rating.hashmap;

import java.util.Locale;

/** How a hashmap rule's cost acts: as a price per unit ({@code flat}) or as a multiplier ({@code rate}). */
public enum MapType {
    FLAT,
    RATE;

    /** The name CloudKitty's API and database use. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static MapType fromWireName(String name) {
        return switch (name) {
            case "flat" -> FLAT;
            case "rate" -> RATE;
            default -> throw new IllegalArgumentException("Not a map type: " + name + " (flat or rate)");
        };
    }
}
