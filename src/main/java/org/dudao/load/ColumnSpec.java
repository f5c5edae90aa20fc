package org.dudao.load;

import java.math.BigDecimal;

/**
 * What a column of a sheet is: its index and header cell, its role, and for a metric its name, unit,
 * dictionary entry (null: not in the dictionary) and the factor to the dictionary's unit (null: a
 * unit that cannot be converted, so the column is not read).
 */
record ColumnSpec(int index, String ref, Column role, String name, String unit, MetricDictionary.Def def, BigDecimal factor) {}
