package se.iop.common;

import java.time.LocalDate;
import java.time.ZoneId;

/** Today's date where the partnership is: in Sweden. Services ask here; entities are given the day. */
public final class Days {

    public static final ZoneId SWEDEN = ZoneId.of("Europe/Stockholm");

    private Days() {
    }

    public static LocalDate today() {
        return LocalDate.now(SWEDEN);
    }
}
