package org.dudao.engine;

import org.dudao.model.Dataset;
import org.dudao.model.Entity;
import org.dudao.model.EntityKind;
import org.dudao.model.Origin;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/** Which regions above the county a run workbook by workbook concludes at the end, and which workbooks it reads again. */
class SpreadRegionsTest {
    private static final Entity NATION = region("000000", "全国", EntityKind.NATION, null);
    private static final Entity JIA = region("110000", "甲省", EntityKind.PROVINCE, "000000");
    private static final Entity CITY1 = region("110100", "一市", EntityKind.CITY, "110000");
    private static final Entity COUNTY1 = region("110101", "一县", EntityKind.COUNTY, "110100");
    private static final Entity CITY2 = region("110200", "二市", EntityKind.CITY, "110000");
    private static final Entity COUNTY2 = region("110201", "二县", EntityKind.COUNTY, "110200");
    private static final Entity YI = region("120000", "乙省", EntityKind.PROVINCE, null);
    private static final Entity COUNTY3 = region("120101", "三县", EntityKind.COUNTY, "120000");

    @Test
    void the_nation_and_a_province_whose_cities_come_one_workbook_each_are_spread_and_so_are_its_cities() {
        SpreadRegions s = SpreadRegions.of(data(NATION, JIA, CITY1, COUNTY1, CITY2, COUNTY2, YI, COUNTY3), List.of(
                Map.entry(Path.of("1.xlsx"), data(NATION, JIA)),
                Map.entry(Path.of("2.xlsx"), data(CITY1, COUNTY1)),
                Map.entry(Path.of("3.xlsx"), data(CITY2, COUNTY2)),
                Map.entry(Path.of("4.xlsx"), data(YI, COUNTY3))));
        // 一市 and 二市 hold their counties whole, but their parent's row (its name, its values) is in 1.xlsx
        assertThat(s.codes()).containsExactly("000000", "110000", "110100", "110200");
        assertThat(s.files()).containsExactly(Path.of("2.xlsx"), Path.of("3.xlsx"));
        assertThat(s.names()).isEqualTo("全国、甲省、一市、二市");
        assertThat(s.subjects()).containsExactly(NATION, JIA, CITY1, CITY2);
    }

    @Test
    void provinces_each_whole_in_a_workbook_and_no_nation_row_read_once() {
        assertThat(SpreadRegions.of(data(JIA, CITY1, COUNTY1, YI, COUNTY3), List.of(
                Map.entry(Path.of("1.xlsx"), data(JIA, CITY1, COUNTY1)),
                Map.entry(Path.of("2.xlsx"), data(YI, COUNTY3)))).isEmpty()).isTrue();
        // the nation without a county in any workbook has no schools to add up: concluded from the regions' figures
        assertThat(SpreadRegions.of(data(NATION, YI), List.of(
                Map.entry(Path.of("1.xlsx"), data(NATION)), Map.entry(Path.of("2.xlsx"), data(YI)))).isEmpty()).isTrue();
    }

    @Test
    void a_city_whose_row_two_workbooks_give_is_spread_over_both() {
        Entity county4 = region("110202", "四县", EntityKind.COUNTY, "110200");
        SpreadRegions s = SpreadRegions.of(data(CITY2, COUNTY2, county4), List.of(
                Map.entry(Path.of("a.xlsx"), data(CITY2, COUNTY2)), Map.entry(Path.of("b.xlsx"), data(CITY2, county4))));
        assertThat(s.codes()).containsExactly("110200");
        assertThat(s.files()).containsExactly(Path.of("a.xlsx"), Path.of("b.xlsx"));
    }

    @Test
    void a_workbook_read_again_holds_the_spread_regions_rows_and_their_ancestors_as_the_run_has_them() {
        Dataset run = data(NATION, JIA, CITY1, COUNTY1);
        SpreadRegions s = SpreadRegions.of(run, List.of(
                Map.entry(Path.of("1.xlsx"), data(NATION, JIA)), Map.entry(Path.of("2.xlsx"), data(CITY1, COUNTY1))));
        Dataset again = s.copiedInto(data(CITY1, COUNTY1));
        assertThat(again.entities()).containsKeys("000000", "110000", "110100", "110101");
    }

    private static Entity region(String code, String name, EntityKind kind, String parent) {
        return new Entity(code, name, kind, parent, null, new Origin("x.xlsx", "地区", "A1"));
    }

    private static Dataset data(Entity... regions) {
        Map<String, Entity> m = new LinkedHashMap<>();
        for (Entity e : regions) m.put(e.getCode(), e);
        return new Dataset(m, List.of(), List.of(), List.of(), List.of(), List.of(), new TreeSet<>(Set.of(2024)));
    }
}
