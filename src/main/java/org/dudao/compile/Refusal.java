package org.dudao.compile;

import org.dudao.ast.Location;

/** Why a part of a rule file is refused, and where. */
public record Refusal(Location at, String message) {}
