package org.dudao.serve;

/** How busy the run queue is, for the pages. */
public record QueueView(int jobs, int running, int waiting, int capacity) {}
