package org.dudao.model;

/**
 * A file given to a run (a workbook), as every record of a run names it: its path as given, its
 * SHA-256 and its size in bytes, so that a report, a manifest or the history ties the run to the
 * exact file.
 */
public record InputFile(String path, String sha256, long bytes) {}
