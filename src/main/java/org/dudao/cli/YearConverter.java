package org.dudao.cli;

import org.dudao.load.Text;
import picocli.CommandLine;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code --year}: {@code 2024}, and as offices write it, {@code 2024年}, {@code 2024 年度}, {@code ２０２４}. */
public final class YearConverter implements CommandLine.ITypeConverter<Integer> {
    private static final Pattern YEAR = Pattern.compile("((?:19|20|21)\\d{2})(?:年度?)?");

    @Override public Integer convert(String value) {
        Matcher m = YEAR.matcher(Text.normalize(value));
        if (!m.matches()) throw new CommandLine.TypeConversionException("应为四位数的年度，如 2024 或 2024年");
        return Integer.parseInt(m.group(1));
    }
}
