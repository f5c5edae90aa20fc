package org.dudao.load;

import org.dudao.model.ClassBand;
import org.dudao.model.Entity;
import org.dudao.model.EntityKind;
import org.dudao.model.LoadProblem.Severity;
import org.dudao.model.Origin;
import org.dudao.model.Stage;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Places what refers to a school entered in parts. A school entered as 九年一贯制小学部 and 九年一贯制初中部
 * (or 完全中学初中部 …) is one school per part, coded {@code 学校代码#小学部}: the statistics forms report
 * the parts of one school under its one code. A class or a class-size band given for the school's code goes
 * to the part its 年级 or 学段 names; one that names none goes to the first part that could hold it, with
 * its 学段 taken as the whole school's (so rules count it where any part would, and name it where the part
 * matters), and a warning. A row for the school's code without a part (a sheet without 学段) goes to its
 * only part; with several parts, or entered as a whole school besides its parts, it is not used: an error.
 */
final class SchoolParts {
    /** Between a school's code and its part: {@code 3301020001#小学部}. */
    static final String MARK = "#";
    private static final List<String> ORDER = List.of("小学部", "初中部", "高中部");

    private SchoolParts() {}

    static void place(DatasetBuilder b) {
        Map<String, DatasetBuilder.Held> all = b.held();
        Map<String, List<Entity>> partsOf = new HashMap<>();
        for (DatasetBuilder.Held h : all.values()) {
            Entity e = h.entity();
            if (e == null || e.getKind() != EntityKind.SCHOOL || !e.getCode().contains(MARK)) continue;
            partsOf.computeIfAbsent(e.getCode().substring(0, e.getCode().indexOf(MARK)), k -> new ArrayList<>()).add(e);
        }
        for (List<Entity> ps : partsOf.values()) ps.sort(Comparator.comparingInt(p -> ORDER.indexOf(p.school().part())));
        List<String> removed = new ArrayList<>();
        for (DatasetBuilder.Held h : List.copyOf(all.values())) {
            Entity e = h.entity();
            if (e == null) continue;
            if (e.getKind() == EntityKind.SCHOOL && partsOf.containsKey(e.getCode())) {
                wholeRow(b, h, partsOf.get(e.getCode()));
                removed.add(e.getCode());
            }
        }
        removed.forEach(all::remove);
        for (DatasetBuilder.Held h : all.values()) {
            Entity e = h.entity();
            if (e == null || e.getKind() != EntityKind.CLASS || e.getParentCode() == null) continue;
            List<Entity> ps = partsOf.get(e.getParentCode());
            if (ps != null) h.entity = placeClass(b, e, ps);
        }
    }

    /** A row for the school's code itself: its values go to its only part, else nowhere. */
    private static void wholeRow(DatasetBuilder b, DatasetBuilder.Held h, List<Entity> parts) {
        Entity e = h.entity();
        Origin o = e.getOrigin();
        String names = String.join("、", parts.stream().map(Entity::getCode).toList());
        if (parts.size() == 1 && Stage.ofSchool(e.getStage()).stages().isEmpty()) {
            b.moveMetrics(h, parts.get(0).getCode());
            return;
        }
        for (int slot : h.slots()) b.dropMetric(h, slot);
        String why = e.getStage() == null ? "此行没有学段，无法确定属于哪个学部" : "此行按整校（学段“" + e.getStage() + "”）填报，而该校已按学部填报";
        b.problem(Severity.ERROR, o.getFile(), o.getSheet(), o.getCell(), "学校 " + e.getCode() + " 已按学部填报（" + names + "）：" + why
                + "，本行数值未采用；请按学部分行填报，学段填“" + parts.get(0).getStage() + "”等");
    }

    /** The part of its school a class (or band) given for the school's code belongs to. */
    private static Entity placeClass(DatasetBuilder b, Entity c, List<Entity> parts) {
        String whole = wholeType(parts);
        Set<Stage> stages = Stage.ofClass(c.getStage() == null ? whole : whole + c.getStage(), null);
        List<Entity> fits = new ArrayList<>();
        for (Entity p : parts) if (!Collections.disjoint(p.school().stages(), stages)) fits.add(p);
        if (fits.size() == 1) return c.withParent(fits.get(0).getCode(), c.getStage());
        Entity into = fits.isEmpty() ? parts.get(0) : fits.get(0);
        Origin o = c.getOrigin();
        String what = ClassBand.ofEntity(c).isPresent() ? "班额分段" : "班级";
        b.problem(Severity.WARNING, o.getFile(), o.getSheet(), o.getCell(), what + "“" + c.getName() + "”（学校代码 " + c.getParentCode() + "）"
                + (c.getStage() == null ? "没有年级或学段" : "的“" + c.getStage() + "”") + "，而该校按学部填报：无法确定属于哪个学部，计入 "
                + into.getCode() + "，按" + whole + "的班级（学段未定）计；请填写年级或学段");
        return c.withParent(into.getCode(), c.getStage() == null ? whole : whole + c.getStage());
    }

    /** 九年一贯制, 十二年一贯制 or 完全中学: the kind of school its parts say they are part of. */
    private static String wholeType(List<Entity> parts) {
        for (Entity p : parts) if (p.school().whole() != null) return p.school().whole();
        return "一贯制";
    }
}
