package org.dudao.model;

import java.time.LocalDate;

/**
 * An approved exemption (豁免) of one indicator for one entity and year: a failure it covers is
 * reported as WAIVED, with the reason, until the expiry date; after that it no longer applies.
 *
 * @param origin the waiver file and line it was read from, e.g. {@code rules/waivers.csv:3}
 */
public record Waiver(String indicator, String entity, int year, String reason, String approver, LocalDate expires,
                     String origin) {

    public boolean activeOn(LocalDate day) { return !expires.isBefore(day); }

    /** 理由（批准：某某，有效期至 2025-12-31；rules/waivers.csv:3）: how every report cites it. */
    public String describe() {
        return reason + "（批准：" + approver + "，有效期至 " + expires + "；" + origin + "）";
    }
}
