package org.dudao.engine;

import org.dudao.model.ChildFinding;
import org.dudao.model.ClassBand;
import org.dudao.model.Entity;
import org.dudao.model.EntityKind;
import org.dudao.model.Metric;
import org.dudao.model.Stage;
import org.dudao.model.Status;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The classes under an entity as the class-size indicators see them: each class of a class list (one
 * class, its 班额), and each size band of a band sheet (so many classes, of a size between the band's
 * ends), with whether it belongs to the classes a rule selects (义务教育 classes …: yes, no, or unknown
 * when its 学段 cannot be told). A condition on the size is answered yes, no or unknown (a band
 * 41-45人 against 班额 ≥ 56: no; against ≤ 43: unknown), never guessed.
 */
final class ClassSizes {
    static final String SIZE = "班额";

    private ClassSizes() {}

    /** One class, or one band of classes: how many (null: unknown), their size between low and high (low null: unknown). */
    record Item(Entity entity, Boolean member, BigDecimal count, BigDecimal low, BigDecimal high, Metric evidence, Set<Stage> stages) {
        boolean isBand() { return ClassBand.ofEntity(entity).isPresent(); }

        /** Does the size meet {@code op n}: yes, no, or unknown (null). */
        Boolean meets(Op op, BigDecimal n) {
            if (low == null) return null;
            return switch (op) {
                case GE, GT -> op.test(low, n) ? Boolean.TRUE : high != null && !op.test(high, n) ? Boolean.FALSE : null;
                case LE, LT -> high != null && op.test(high, n) ? Boolean.TRUE : !op.test(low, n) ? Boolean.FALSE : null;
                case EQ -> low.compareTo(n) == 0 && high != null && high.compareTo(n) == 0 ? Boolean.TRUE
                        : n.compareTo(low) < 0 || high != null && n.compareTo(high) > 0 ? Boolean.FALSE : null;
            };
        }

        /** The size as read: 58 人, or 56-60人 × 3. */
        String sizeText() {
            if (isBand()) return SIZE + ClassBand.ofEntity(entity).orElseThrow().label() + " " + (count == null ? "?" : Fmt.num(count)) + " 个班";
            return low == null ? "缺" + SIZE : SIZE + " " + Fmt.num(low, "人");
        }

        /** Why the item is uncertain, for a 数据不足 message. */
        String doubt() {
            if (member == null) return "学段不明（请填写年级或学段）";
            if (low == null) return "缺" + SIZE;
            if (count == null) return "缺" + ClassBand.COUNT;
            return "班额段跨越界值";
        }
    }

    /**
     * The classes (and bands) under {@code parent} reported for the year, with their membership of
     * {@code kids} (those certainly outside are left out). {@code metric} is the size: 班额 reads a
     * band's ends, any other metric leaves a band's size unknown. The list is shared: read it, never change it.
     */
    static List<Item> items(Facts facts, Entity parent, Children kids, String metric, int year) {
        // CLASS-01 … 04 and GUAR-04 ask for the same classes of a school or county: the session computes them once
        return facts.memo().classes(parent, kids, metric, year, () -> select(facts, parent, kids, metric, year));
    }

    private static List<Item> select(Facts facts, Entity parent, Children kids, String metric, int year) {
        if (parent.getKind() != EntityKind.CLASS && nested(facts, parent)) {
            // a province's classes are its cities', a county's its schools': in the order descendants() walks them,
            // each class looked at once in the session instead of once for every level above it
            List<Item> out = new ArrayList<>();
            for (Entity c : facts.children(parent.getCode())) {
                if (c.getLevel().equals(LEVEL)) addSelected(out, facts, c, kids, metric, year);
                else out.addAll(items(facts, c, kids, metric, year));
            }
            return out;
        }
        List<Entity> all = parent.getKind() == EntityKind.CLASS ? List.of(parent) : facts.descendants(parent, LEVEL);
        List<Item> out = new ArrayList<>(all.size());
        for (Entity c : all) addSelected(out, facts, c, kids, metric, year);
        return out;
    }

    private static final String LEVEL = EntityKind.CLASS.label(), LEVEL_SCHOOL = EntityKind.SCHOOL.label();

    private static void addSelected(List<Item> out, Facts facts, Entity c, Children kids, String metric, int year) {
        if (!c.hasYear(year)) return; // the entity in hand: no lookup of its code among all the run's entities
        Boolean member = kids.membership() == null ? Boolean.TRUE : kids.membership().of(facts, c);
        if (member == Boolean.FALSE) return;
        out.add(item(facts, c, member, metric, year));
    }

    /**
     * Whether every entity below {@code e} sits at a lower level than its parent (a county's schools, a school's
     * classes): then there is no cycle of parent codes and no chain deep enough for {@link Facts#descendants}'
     * cut-off, and {@code e}'s classes are exactly its children's, in order.
     */
    static boolean nested(Facts facts, Entity e) {
        return facts.memo().nested(e, () -> {
            for (Entity c : facts.children(e.getCode())) {
                if (c.getKind() == null || e.getKind() == null || c.getKind().ordinal() <= e.getKind().ordinal()) return false;
                if (c.getKind() != EntityKind.CLASS && !nested(facts, c)) return false;
            }
            return true;
        });
    }

    private static Item item(Facts facts, Entity c, Boolean member, String metric, int year) {
        Set<Stage> stages = stagesOf(facts, c);
        var band = ClassBand.ofEntity(c);
        if (band.isPresent()) {
            Metric n = facts.metric(c.getCode(), ClassBand.COUNT, year);
            BigDecimal count = n == null ? null : n.getValue();
            boolean sized = metric.equals(SIZE);
            return new Item(c, member, count, sized ? band.get().low() : null, sized ? band.get().high() : null, n, stages);
        }
        Metric m = facts.metric(c.getCode(), metric, year);
        BigDecimal size = m == null ? null : m.getValue();
        return new Item(c, member, BigDecimal.ONE, size, size, m, stages);
    }

    /** The stages a class (or band) may be in: from its own 年级 or 学段, else its school's. */
    static Set<Stage> stagesOf(Facts facts, Entity c) {
        Entity parent = c.getParentCode() == null ? null : facts.entity(c.getParentCode());
        String schoolStage = parent != null && parent.getKind() == EntityKind.SCHOOL ? parent.getStage() : null;
        return Stage.ofClass(c.getStage(), schoolStage);
    }

    /** A finding naming a class or band, for a verdict's list. */
    static ChildFinding finding(Facts facts, Item i, Status status, String message) {
        return new ChildFinding(i.entity().getCode(), Expr.describeChild(facts, i.entity()), status, message,
                i.evidence() == null ? List.of() : List.of(i.evidence().getOrigin()));
    }

    /**
     * How many of the selected classes meet a condition on their size ({@code countOf(compulsoryClasses(),
     * "班额", ">= 56")}), naming them. Classes that may count (unknown 学段, blank 班额, a band without its
     * count) make it missing, unless some already count: a verdict of {@code = 0} then fails whatever they are.
     */
    record Count(Children kids, String metric, Bound condition) implements Expr {
        /** The classes under {@code e} counted for the year. */
        ClassCountTally range(Facts facts, Entity e, int year) {
            return facts.memo().tallies().of(e, year, kids.level(), () -> "countOf " + kids.key() + " " + name(), ClassCountTally.NONE,
                    () -> ClassCountTally.of(facts, items(facts, e, kids, metric, year), condition));
        }

        /** The schools under {@code e} reported for the year, and whether any could have classes of the selection. */
        SchoolTally schools(Facts facts, Entity e, int year) {
            return facts.memo().tallies().of(e, year, LEVEL_SCHOOL, () -> "could have " + kids.key(), SchoolTally.NONE,
                    () -> SchoolTally.of(facts.descendants(e, LEVEL_SCHOOL), year, s -> couldHave(facts, s)));
        }

        /** A school whose 学段 are not known could have any class; else it could unless a class of it is certainly outside. */
        private boolean couldHave(Facts facts, Entity school) {
            if (school.school().stages().isEmpty()) return true;
            Entity probe = new Entity(school.getCode() + "/?", null, EntityKind.CLASS, school.getCode(), null, school.getOrigin());
            return kids.membership() == null || kids.membership().of(facts, probe) != Boolean.FALSE;
        }

        public Value eval(Facts facts, Entity entity, int year) {
            return value(range(facts, entity, year), year);
        }

        /** The count as a value, from the tally of the year's classes. */
        Value value(ClassCountTally r, int year) {
            String shown = name() + " " + Fmt.num(r.low()) + " 个";
            if (!r.any()) return Value.missing(shown, r.evidence().first(), List.of(year + "年的" + kids.label() + "数据（“" + metric + "”）"));
            if (!r.exact() && r.low().signum() == 0) {
                return Value.missing(shown, r.evidence().first(), List.of(year + "年可能计入的" + kids.label() + "："
                        + Expr.abbreviate(r.doubts().first(), r.doubts().total(), "个")));
            }
            return Value.counted(r.low(), "个", shown, r.evidence().first(), r.counted());
        }

        public String describe() { return name() + "数"; }

        /** 班额 56 人及以上的普通高中班级. */
        public String name() { return Messages.condition(metric, condition) + "的" + kids.label(); }
    }
}
