package org.dudao.batch;

import org.dudao.model.Entity;
import org.dudao.model.EntityKind;
import org.dudao.model.Origin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class GroupingAndFoldersTest {
    @TempDir Path tmp;

    private static Entity e(String code, String name, EntityKind kind, String parent) {
        return new Entity(code, name, kind, parent, null, new Origin("f", "s", "A1"));
    }

    @Test
    void a_workbook_belongs_to_its_highest_region() {
        assertThat(Grouping.regionOf(List.of(e("990101", "一县", EntityKind.COUNTY, "990100"), e("990000", "示例省", EntityKind.PROVINCE, null),
                e("990100", "甲市", EntityKind.CITY, "990000")), "x.xlsx")).isEqualTo(new Grouping.Region("990000", "示例省"));
    }

    @Test
    void several_regions_at_the_top_belong_to_the_parent_they_name_or_their_common_code_prefix() {
        assertThat(Grouping.regionOf(List.of(e("990101", "一县", EntityKind.COUNTY, "990100"), e("990102", "二县", EntityKind.COUNTY, "990100")), "x")
                .key()).isEqualTo("990100");
        assertThat(Grouping.regionOf(List.of(e("990101", "一县", EntityKind.COUNTY, null), e("990202", "二县", EntityKind.COUNTY, null)), "x")
                .key()).isEqualTo("990000");
        assertThat(Grouping.regionOf(List.of(e("990101", "一县", EntityKind.COUNTY, null), e("880202", "二县", EntityKind.COUNTY, null)), "x")
                .key()).isEqualTo("880202+990101");
    }

    @Test
    void without_regions_the_schools_county_decides_and_without_either_the_file_is_alone() {
        assertThat(Grouping.regionOf(List.of(e("9901010001", "小学", EntityKind.SCHOOL, "990101"), e("9901010002", "中学", EntityKind.SCHOOL, "990101")), "x")
                .key()).isEqualTo("990101");
        assertThat(Grouping.regionOf(List.of(), "空.xlsx").key()).isEqualTo("文件:空.xlsx");
    }

    @Test
    void folder_names_from_workbooks_cannot_leave_the_output_folder() {
        Path base = tmp.toAbsolutePath().normalize();
        for (String hostile : new String[]{"../../etc", "..", ".", "/abs/path", "a/../../b", "名称\\..\\x", "\u0000", ".hidden", "x".repeat(500)}) {
            Path dir = Folders.runFolder(tmp, hostile, hostile);
            assertThat(dir.getParent()).as(hostile).isEqualTo(base);
            assertThat(dir.getFileName().toString()).as(hostile).doesNotStartWith(".").doesNotContain("/").doesNotContain("\\");
            Path file = Folders.fileRunFolder(tmp, hostile, hostile, hostile + ".xlsx");
            assertThat(file.getParent()).as(hostile).isEqualTo(base);
        }
        assertThat(Folders.runFolder(tmp, "990000", "示例省").getFileName().toString()).isEqualTo("990000_示例省");
        // Two keys that sanitise alike still get two folders.
        assertThat(Folders.runFolder(tmp, "a/b", null)).isNotEqualTo(Folders.runFolder(tmp, "a_b", null));
        assertThat(Folders.runFolder(tmp, "a/b", null)).isNotEqualTo(Folders.runFolder(tmp, "a:b", null));
    }
}
