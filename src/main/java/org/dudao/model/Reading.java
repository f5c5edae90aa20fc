package org.dudao.model;

/**
 * How an indicator reads the words of its source beyond its bound (rules/README.md, “读法”), from
 * the rule's metadata:
 *
 * @param soft      {@code @soft("力争")}: the word (鼓励, 力争, 原则上) that makes the sentence an aim, not a
 *                  requirement: a shortfall is 预警 with that word said, never 不达标; null when binding
 * @param tie       {@code @tie("预警")}: what a value exactly at a strict bound gives (“逐步增长” is
 *                  {@code > 上年}: a flat year is 预警 rather than 不达标); null: a tie fails a strict bound
 * @param tolerance {@code @tolerance("{CLEAN-01左右容差|1}")}: how far short of the bound “左右” still
 *                  reaches, a number or a parameter; a value within it is 预警; null when the source gives an exact number
 */
public record Reading(String soft, Status tie, String tolerance) {
    public static final Reading NONE = new Reading(null, null, null);
}
