package org.dudao.batch;

import org.dudao.model.Entity;
import org.dudao.model.EntityKind;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Which region a workbook belongs to, so that all years of a region are evaluated together:
 * <ol>
 *   <li>its regions (地区表): the region of the highest level found (省 above 市 above 县); when
 *       several share that level, the 上级代码 they all name; otherwise the common prefix of their
 *       administrative codes (below);</li>
 *   <li>no region rows: the regions its schools (学校表) belong to, the same way;</li>
 *   <li>neither: the workbook is a run of its own.</li>
 * </ol>
 * The common prefix follows the six-digit administrative codes (GB/T 2260): codes sharing the first
 * four digits belong to the city {@code dddd00}, the first two to the province {@code dd0000}. Codes
 * that share neither make a key of their own ({@code 990101+990202}).
 */
public final class Grouping {
    private Grouping() {}

    /** A region key and the name to show for it (the code when no name is known). */
    public record Region(String key, String name) {}

    public static Region regionOf(List<Entity> entities, String fileName) {
        List<Entity> regions = entities.stream().filter(e -> e.getKind().isRegion()).toList();
        if (!regions.isEmpty()) {
            EntityKind top = regions.stream().map(Entity::getKind).min(Comparator.naturalOrder()).orElseThrow();
            Map<String, Entity> tops = regions.stream().filter(e -> e.getKind() == top)
                    .collect(Collectors.toMap(Entity::getCode, Function.identity(), (a, b) -> a, TreeMap::new));
            if (tops.size() == 1) {
                Entity e = tops.values().iterator().next();
                return new Region(e.getCode(), e.displayName());
            }
            TreeSet<String> parents = tops.values().stream().map(Entity::getParentCode).filter(Objects::nonNull)
                    .filter(p -> !p.isBlank()).collect(Collectors.toCollection(TreeSet::new));
            boolean allHaveParent = tops.values().stream().allMatch(e -> e.getParentCode() != null && !e.getParentCode().isBlank());
            if (parents.size() == 1 && allHaveParent) return new Region(parents.first(), parents.first());
            return common(new TreeSet<>(tops.keySet()));
        }
        TreeSet<String> counties = entities.stream().filter(e -> e.getKind() == EntityKind.SCHOOL).map(Entity::getParentCode)
                .filter(Objects::nonNull).filter(p -> !p.isBlank()).collect(Collectors.toCollection(TreeSet::new));
        if (counties.size() == 1) return new Region(counties.first(), counties.first());
        if (!counties.isEmpty()) return common(counties);
        return new Region("文件:" + fileName, fileName);
    }

    static Region common(SortedSet<String> codes) {
        boolean sixDigits = codes.stream().allMatch(c -> c.matches("\\d{6}"));
        if (sixDigits) {
            String first = codes.first();
            if (codes.stream().allMatch(c -> c.startsWith(first.substring(0, 4)))) {
                String city = first.substring(0, 4) + "00";
                return new Region(city, city);
            }
            if (codes.stream().allMatch(c -> c.startsWith(first.substring(0, 2)))) {
                String province = first.substring(0, 2) + "0000";
                return new Region(province, province);
            }
        }
        String key = String.join("+", codes);
        return new Region(key, key);
    }
}
