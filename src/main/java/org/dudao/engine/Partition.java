package org.dudao.engine;

import org.dudao.model.Entity;

import java.util.List;

/**
 * The entities one session evaluates: a county with its schools and classes, or the regions above
 * the counties. The partition's children stay reachable through {@link Facts} for roll-ups.
 */
public record Partition(String name, List<Entity> subjects) {}
