package org.dudao.engine;

/** The condition under which a conditional indicator applies: {@code condition(value("常住人口"), ">= 200000")}. */
public record Condition(Expr expr, Bound bound) {}
