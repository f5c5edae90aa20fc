package org.dudao.engine;

import org.dudao.load.MetricDictionary;
import org.dudao.load.WorkbookLoader;
import org.dudao.model.Dataset;
import org.dudao.model.LoadProblem;
import org.dudao.model.Metric;
import org.dudao.model.Status;
import org.dudao.model.Verdict;
import org.dudao.testing.Workbooks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A part above its whole (公办园在园幼儿数 250 of 在园幼儿数 100), as the dictionary's 所属指标 column pairs them, is a
 * load error on both cells; neither value is used, so KG-01 answers 数据不足, never a 250% 达标.
 */
class PartOfTest {
    @TempDir Path dir;

    @Test
    void aPartAboveItsWholeIsAnErrorOnBothCellsAndTheIndicatorHasTooLittleData() {
        Path f = Workbooks.create().sheet("地区").row("地区代码", "地区名称", "上级代码", "层级", "年度", "在园幼儿数", "公办园在园幼儿数")
                .row("330100", "一市", "", "市", 2023, 300, 150)
                .row("330102", "一县", "330100", "县", 2023, 100, 250)
                .row("330103", "二县", "330100", "县", 2023, 200, 200)
                .save(dir.resolve("幼儿.xlsx"));

        Dataset data = new WorkbookLoader(Rules.shipped().dictionary()).load(List.of(f)).dataset();

        assertThat(data.metrics()).noneMatch(m -> m.getEntityCode().equals("330102"));
        assertThat(data.metrics()).filteredOn(m -> m.getEntityCode().equals("330103")).extracting(Metric::getKey)
                .containsExactlyInAnyOrder("在园幼儿数", "公办园在园幼儿数");
        List<LoadProblem> problems = data.problems().stream().filter(p -> p.severity() == LoadProblem.Severity.ERROR).toList();
        assertThat(problems).extracting(LoadProblem::cell).containsExactlyInAnyOrder("G3", "F3");
        assertThat(problems).allSatisfy(p -> {
            assertThat(p.file()).isEqualTo(f.toString());
            assertThat(p.sheet()).isEqualTo("地区");
            assertThat(p.message()).contains("330102 2023年“公办园在园幼儿数”250 人（" + f + " 地区!G3）大于“在园幼儿数”100 人（"
                    + f + " 地区!F3）").contains("两者均不采用");
        });

        List<Verdict> verdicts = Rules.evaluate(data, 2023);
        assertThat(Rules.verdict(verdicts, "KG-01", "330102").getStatus()).isEqualTo(Status.INSUFFICIENT_DATA);
        // equal is no violation: all of a county's children in public kindergartens
        assertThat(Rules.verdict(verdicts, "KG-01", "330103").getStatus()).isEqualTo(Status.PASS);
    }

    @Test
    void theColumnIsOptionalAndAWholeTheDictionaryLacksIsAnError() throws Exception {
        Path old = Files.writeString(dir.resolve("metrics.csv"), """
                名称,单位,类型,别名,说明
                在园幼儿数,人,数值,,
                公办园在园幼儿数,人,数值,,
                """);
        assertThat(MetricDictionary.read(old).partOf()).isEmpty();

        Path withColumn = Files.writeString(dir.resolve("metrics.csv"), """
                名称,单位,类型,别名,说明,所属指标
                在园幼儿数,人,数值,,
                公办园在园幼儿数,人,数值,,,在园幼儿数
                """);
        assertThat(MetricDictionary.read(withColumn).partOf()).containsEntry("公办园在园幼儿数", List.of("在园幼儿数"));

        Path typo = Files.writeString(dir.resolve("metrics.csv"), """
                名称,单位,类型,别名,说明,所属指标
                在园幼儿数,人,数值,,
                公办园在园幼儿数,人,数值,,,在园幼儿总数
                """);
        assertThatThrownBy(() -> MetricDictionary.read(typo)).isInstanceOf(MetricDictionary.DictionaryException.class)
                .hasMessageContaining("“公办园在园幼儿数”的所属指标“在园幼儿总数”不是指标字典中的指标名称");
    }

    @Test
    void theShippedDictionaryPairsTheSubPopulations() {
        var partOf = Rules.shipped().dictionary().partOf();
        assertThat(partOf).containsEntry("公办园在园幼儿数", List.of("在园幼儿数"))
                .containsEntry("普惠性民办园在园幼儿数", List.of("在园幼儿数"))
                .containsEntry("交流轮岗骨干教师数", List.of("交流轮岗教师数"));
    }
}
