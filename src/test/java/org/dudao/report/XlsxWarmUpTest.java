package org.dudao.report;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;

/** The warm-up of report.xlsx: started only when it serves, and writing through the report's own sheet code. */
class XlsxWarmUpTest {
    @Test
    void the_sample_goes_through_what_a_report_sheet_uses() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        XlsxReport.sample(out);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            XSSFSheet s = wb.getSheet("预热");
            DataFormatter fmt = new DataFormatter();
            assertThat(fmt.formatCellValue(s.getRow(0).getCell(0))).isEqualTo("项目");
            assertThat(s.getRow(0).getCell(0).getCellStyle().getFont().getBold()).isTrue();
            assertThat(s.getRow(1).getCell(0).getCellStyle().getQuotePrefixed()).isTrue();
            assertThat(fmt.formatCellValue(s.getRow(1).getCell(2))).isEqualTo("1.50");
            assertThat(s.getCTWorksheet().isSetAutoFilter()).isTrue();
            assertThat(s.getPaneInformation().isFreezePane()).isTrue();
            assertThat(s.getSheetConditionalFormatting().getNumConditionalFormattings()).isPositive();
        }
    }

    @Test
    void starts_only_when_the_run_writes_report_xlsx() {
        assertThat(XlsxWarmUp.startIf(false).started()).isFalse();
        XlsxWarmUp warmUp = XlsxWarmUp.startIf(true);
        assertThat(warmUp.started()).isTrue();
        warmUp.await();
    }

    @Test
    void the_launchers_class_listing_run_warms_up_whatever_the_formats() {
        String before = System.getProperty(XlsxWarmUp.FOR_CLASS_LIST);
        System.setProperty(XlsxWarmUp.FOR_CLASS_LIST, "true");
        try {
            XlsxWarmUp warmUp = XlsxWarmUp.startIf(false);
            assertThat(warmUp.started()).isTrue();
            warmUp.await();
        } finally {
            if (before == null) System.clearProperty(XlsxWarmUp.FOR_CLASS_LIST);
            else System.setProperty(XlsxWarmUp.FOR_CLASS_LIST, before);
        }
    }
}
