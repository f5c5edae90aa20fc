package org.dudao.serve;

import org.apache.poi.poifs.filesystem.DirectoryNode;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.ZipFile;

/**
 * What an uploaded file is, told by its content and never by its name: an Excel 2007+ workbook (a
 * zip holding {@code xl/workbook.xml}), an Excel 97–2003 workbook (an OLE2 container holding a
 * {@code Workbook} stream, or an encrypted package the loader will name as such), or CSV text (no
 * binary bytes, UTF-8 or GB18030, not markup). Anything else is refused with the reason. Only the
 * zip's and the container's directories are read: the workbook itself is left to the loader and its
 * protections.
 */
public enum UploadType {
    XLSX("xlsx"), XLS("xls"), CSV("csv");

    /** A file the console does not take, with the reason in Chinese. */
    public static final class Refused extends Exception {
        public Refused(String message) { super(message); }
    }

    private static final int TEXT_SAMPLE = 64 * 1024;
    private static final Charset GB18030 = Charset.forName("GB18030");

    private final String extension;

    UploadType(String extension) { this.extension = extension; }

    public String extension() { return extension; }

    public static UploadType of(Path file) throws Refused, IOException {
        if (Files.size(file) == 0) throw new Refused("文件为空（0 字节）");
        FileMagic magic;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            magic = FileMagic.valueOf(in);
        }
        switch (magic) {
            case OOXML -> {
                try (ZipFile zip = new ZipFile(file.toFile())) {
                    if (zip.getEntry("xl/workbook.xml") != null) return XLSX;
                    if (zip.getEntry("xl/workbook.bin") != null) throw new Refused("这是 Excel 二进制工作簿（.xlsb），请另存为 .xlsx");
                    throw new Refused("这是 zip 文件或其他 Office 文档（如 Word），不是 Excel 工作簿");
                } catch (IOException e) {
                    throw new Refused("zip 结构损坏，无法识别为 Excel 工作簿：" + e.getMessage());
                }
            }
            case OLE2 -> {
                try (POIFSFileSystem fs = new POIFSFileSystem(file.toFile(), true)) {
                    DirectoryNode root = fs.getRoot();
                    if (root.hasEntryCaseInsensitive("Workbook") || root.hasEntryCaseInsensitive("Book")
                            || root.hasEntryCaseInsensitive("EncryptionInfo")) return XLS;
                    throw new Refused("这是其他 Office 文档（如 Word、PowerPoint），不是 Excel 工作簿");
                } catch (IOException | RuntimeException e) {
                    throw new Refused("Office 文件结构损坏，无法识别为 Excel 工作簿");
                }
            }
            case UNKNOWN -> {
                return text(file);
            }
            default -> throw new Refused("这是 " + magic + " 文件，只接受 Excel 工作簿（.xlsx/.xls）和 CSV 文件");
        }
    }

    private static UploadType text(Path file) throws Refused, IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(TEXT_SAMPLE);
        }
        for (byte b : head) {
            if (b == 0 || (b > 0 && b < 0x20 && b != '\t' && b != '\n' && b != '\r')) {
                throw new Refused("这是二进制文件，只接受 Excel 工作簿（.xlsx/.xls）和 CSV 文件");
            }
        }
        String text = decodes(head, StandardCharsets.UTF_8) ? new String(head, StandardCharsets.UTF_8)
                : decodes(head, GB18030) ? new String(head, GB18030) : null;
        if (text == null) throw new Refused("文本既不是 UTF-8 也不是 GB18030 编码，无法作为 CSV 读取");
        String start = text.replace("\uFEFF", "").stripLeading();
        if (start.startsWith("<")) throw new Refused("这是 HTML/XML 文本，不是 CSV 文件");
        return CSV;
    }

    /** True when the bytes decode without error (a multi-byte character cut at the end of the sample is allowed). */
    private static boolean decodes(byte[] bytes, Charset cs) {
        for (int cut = 0; cut < 4 && cut < bytes.length; cut++) {
            try {
                cs.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(Arrays.copyOf(bytes, bytes.length - cut)));
                return true;
            } catch (CharacterCodingException e) {
                if (bytes.length < TEXT_SAMPLE) return false; // the whole file was read: no cut character to blame
            }
        }
        return false;
    }
}
