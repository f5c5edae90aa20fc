package org.dudao.engine;

/**
 * What a roll-up knows of the schools or classes of one subtree, such that a region's is the sum of its
 * subtrees' ({@link Tallies}): {@code plus} adds another subtree's, taken after this one in the hierarchy.
 */
interface Tally<T extends Tally<T>> {
    T plus(T other);
}
