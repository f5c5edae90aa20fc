package org.dudao.testing;

import org.dudao.model.Dataset;
import org.dudao.model.Entity;
import org.dudao.model.EntityKind;
import org.dudao.model.Metric;
import org.dudao.model.Origin;
import org.dudao.model.Param;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * A dataset built in code for rule tests, without a workbook:
 * {@code TestData.create().county("990101", "一县").metric("990101", 2024, "常住人口", "250000")}.
 * Each metric gets a made-up origin {@code test!A<n>} so evidence can be checked.
 */
public final class TestData {
    private final Map<String, Entity> entities = new LinkedHashMap<>();
    private final List<Metric> metrics = new ArrayList<>();
    private final List<Param> params = new ArrayList<>();
    private final TreeSet<Integer> years = new TreeSet<>();
    private int cell = 1;

    private TestData() {}

    public static TestData create() { return new TestData(); }

    public TestData entity(String code, String name, EntityKind kind, String parent, String stage) {
        entities.put(code, new Entity(code, name, kind, parent, stage, new Origin("test.xlsx", "test", "A" + cell++)));
        return this;
    }

    /** True when the entity was declared. */
    public boolean has(String code) { return entities.containsKey(code); }

    public TestData county(String code, String name) { return entity(code, name, EntityKind.COUNTY, null, null); }

    public TestData school(String code, String name, String county, String stage) {
        return entity(code, name, EntityKind.SCHOOL, county, stage);
    }

    public TestData schoolClass(String school, String name, int year, Integer size) {
        return schoolClass(school, name, year, size, null);
    }

    /** A class with its 年级 or 学段 (七年级, 高一, 初中 …), as the class sheet's 年级 column gives it. */
    public TestData schoolClass(String school, String name, int year, Integer size, String grade) {
        String code = school + "/" + name;
        entity(code, name, EntityKind.CLASS, school, grade);
        present(code, year);
        if (size != null) metric(code, year, "班额", size.toString(), "人");
        return this;
    }

    /** Marks that a data row of the entity was read for the year (as the loader does). */
    public TestData present(String code, int year) {
        entities.put(code, entities.get(code).withYear(year));
        years.add(year);
        return this;
    }

    public TestData metric(String entity, int year, String key, String value) { return metric(entity, year, key, value, null); }

    public TestData metric(String entity, int year, String key, String value, String unit) {
        present(entity, year);
        metrics.add(new Metric(entity, year, key, new BigDecimal(value), null, unit, new Origin("test.xlsx", "test", "B" + cell++)));
        return this;
    }

    public TestData yesNo(String entity, int year, String key, boolean yes) {
        present(entity, year);
        metrics.add(new Metric(entity, year, key, yes ? BigDecimal.ONE : BigDecimal.ZERO, yes ? "是" : "否", null,
                new Origin("test.xlsx", "test", "B" + cell++)));
        return this;
    }

    /** A category answer such as 清廉学校等级 = 引领型: text, no number. */
    public TestData text(String entity, int year, String key, String text) {
        present(entity, year);
        metrics.add(new Metric(entity, year, key, null, text, null, new Origin("test.xlsx", "test", "B" + cell++)));
        return this;
    }

    public TestData city(String code, String name, String parent) { return entity(code, name, EntityKind.CITY, parent, null); }

    public TestData param(String name, String value) {
        BigDecimal n = value.matches("[-+]?\\d+(\\.\\d+)?") ? new BigDecimal(value) : null;
        params.add(new Param(name, n, value, new Origin("test.xlsx", "参数", "B" + cell++)));
        return this;
    }

    public Dataset build() {
        return new Dataset(entities, List.copyOf(metrics), List.copyOf(params), List.of(), List.of(), List.of(), new TreeSet<>(years));
    }
}
