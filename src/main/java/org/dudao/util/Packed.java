package org.dudao.util;

import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A compact binary form for records a run writes to a temporary file and reads back itself (a
 * workbook's rows read in parts, the verdicts waiting for the report): variable-length integers,
 * UTF-8 strings, exact decimals, and strings that repeat written once and then referred to by number.
 * Unsynchronized and without per-field names, unlike {@code DataOutputStream} over a byte array or a
 * self-describing format: both writer and reader know the record's fields and their order.
 */
public final class Packed {
    private Packed() {}

    /** Bytes being written, growing as needed. */
    public static final class Out {
        private byte[] buf;
        private int size;
        private final Map<String, Integer> seen = new HashMap<>();

        public Out(int capacity) { buf = new byte[Math.max(16, capacity)]; }

        public int size() { return size; }

        public void reset() {
            size = 0;
            seen.clear();
        }

        public byte[] toByteArray() { return Arrays.copyOf(buf, size); }

        public void writeTo(OutputStream out) throws IOException { out.write(buf, 0, size); }

        private void room(int n) {
            if (size + n > buf.length) buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + n));
        }

        public void writeByte(int b) {
            room(1);
            buf[size++] = (byte) b;
        }

        /** An int, 7 bits a byte (negative numbers take 5 bytes). */
        public void writeVar(int v) {
            room(5);
            while ((v & ~0x7F) != 0) {
                buf[size++] = (byte) ((v & 0x7F) | 0x80);
                v >>>= 7;
            }
            buf[size++] = (byte) v;
        }

        public void writeVarLong(long v) {
            room(10);
            while ((v & ~0x7FL) != 0) {
                buf[size++] = (byte) ((v & 0x7F) | 0x80);
                v >>>= 7;
            }
            buf[size++] = (byte) v;
        }

        public void writeBoolean(boolean b) { writeByte(b ? 1 : 0); }

        /** A string, or null, as its UTF-8 bytes. */
        public void writeString(String s) {
            if (s == null) {
                writeVar(0);
                return;
            }
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            writeVar(b.length + 1);
            room(b.length);
            System.arraycopy(b, 0, buf, size, b.length);
            size += b.length;
        }

        /** A string that may repeat: in full the first time since {@link #reset}, then by number. */
        public void writeShared(String s) {
            if (s == null) {
                writeVar(0);
                return;
            }
            Integer n = seen.get(s);
            if (n != null) {
                writeVar(n + 2);
                return;
            }
            seen.put(s, seen.size());
            writeVar(1);
            writeString(s);
        }

        /** A decimal with its exact scale, or null. */
        public void writeDecimal(BigDecimal d) {
            if (d == null) {
                writeByte(0);
                return;
            }
            BigInteger unscaled = d.unscaledValue();
            if (unscaled.bitLength() < 63) {
                writeByte(1);
                writeVarLong(zigzag(unscaled.longValue()));
            } else {
                writeByte(2);
                byte[] b = unscaled.toByteArray();
                writeVar(b.length);
                room(b.length);
                System.arraycopy(b, 0, buf, size, b.length);
                size += b.length;
            }
            writeVar(zigzag(d.scale()));
        }

        private static long zigzag(long v) { return (v << 1) ^ (v >> 63); }

        private static int zigzag(int v) { return (v << 1) ^ (v >> 31); }
    }

    /** Bytes written by an {@link Out}, read in the same order. */
    public static final class In {
        private final byte[] buf;
        private int pos;
        private final int end;
        private final List<String> seen = new ArrayList<>();

        public In(byte[] buf) { this(buf, 0, buf.length); }

        public In(byte[] buf, int offset, int length) {
            this.buf = buf;
            this.pos = offset;
            this.end = offset + length;
        }

        public boolean atEnd() { return pos >= end; }

        public int readByte() throws EOFException {
            if (pos >= end) throw new EOFException("记录比应有的短");
            return buf[pos++];
        }

        public boolean readBoolean() throws EOFException { return readByte() != 0; }

        public int readVar() throws EOFException {
            int v = 0;
            for (int shift = 0; shift < 35; shift += 7) {
                int b = readByte();
                v |= (b & 0x7F) << shift;
                if ((b & 0x80) == 0) return v;
            }
            throw new EOFException("整数编码有误");
        }

        public long readVarLong() throws EOFException {
            long v = 0;
            for (int shift = 0; shift < 70; shift += 7) {
                int b = readByte();
                v |= (long) (b & 0x7F) << shift;
                if ((b & 0x80) == 0) return v;
            }
            throw new EOFException("整数编码有误");
        }

        public String readString() throws EOFException {
            int n = readVar() - 1;
            if (n < 0) return null;
            if (n > end - pos) throw new EOFException("记录比应有的短");
            String s = new String(buf, pos, n, StandardCharsets.UTF_8);
            pos += n;
            return s;
        }

        public String readShared() throws EOFException {
            int n = readVar();
            if (n == 0) return null;
            if (n >= 2) {
                if (n - 2 >= seen.size()) throw new EOFException("引用了未出现的字符串");
                return seen.get(n - 2);
            }
            String s = readString();
            seen.add(s);
            return s;
        }

        public BigDecimal readDecimal() throws EOFException {
            int form = readByte();
            if (form == 0) return null;
            BigDecimal d;
            if (form == 1) {
                long z = readVarLong();
                long unscaled = (z >>> 1) ^ -(z & 1);
                int scale = unzigzag(readVar());
                return BigDecimal.valueOf(unscaled, scale);
            }
            int n = readVar();
            if (n > end - pos) throw new EOFException("记录比应有的短");
            BigInteger unscaled = new BigInteger(buf, pos, n);
            pos += n;
            d = new BigDecimal(unscaled, unzigzag(readVar()));
            return d;
        }

        private static int unzigzag(int z) { return (z >>> 1) ^ -(z & 1); }
    }
}
