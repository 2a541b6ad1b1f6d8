package io.jenkins.plugins.dockerci.testsupport;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The parts of a compiled class the tests reason about, read straight from the class file format (JVMS §4): the
 * members it references, the types it mentions, and the methods it declares with their bytecode.
 */
public record ClassFile(String name, Set<MemberRef> memberRefs, Set<String> mentionedTypes, List<MethodInfo> methods) {

    /** A field or method reference in the constant pool; {@code owner} in dotted binary form. */
    public record MemberRef(String owner, String name, String descriptor) {
    }

    /** A declared method; {@code invokedNames} are the names of the methods its code invokes. */
    public record MethodInfo(String name, String descriptor, Set<String> invokedNames) {
    }

    /** Every class file under {@code root}. */
    public static List<ClassFile> readAll(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.toString().endsWith(".class")).map(ClassFile::read).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ClassFile read(Path file) {
        try {
            return parse(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static ClassFile parse(byte[] bytes) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
        if (in.readInt() != 0xCAFEBABE) {
            throw new IOException("not a class file");
        }
        in.readUnsignedShort();
        in.readUnsignedShort();
        int count = in.readUnsignedShort();
        Object[] pool = new Object[count];
        int[][] refs = new int[count][];
        int[] tags = new int[count];
        for (int i = 1; i < count; i++) {
            int tag = in.readUnsignedByte();
            tags[i] = tag;
            switch (tag) {
                case 1 -> pool[i] = in.readUTF();
                case 3, 4 -> in.readInt();
                case 5, 6 -> {
                    in.readLong();
                    i++;
                }
                case 7, 8, 16, 19, 20 -> refs[i] = new int[] {in.readUnsignedShort()};
                case 9, 10, 11, 12, 17, 18 -> refs[i] = new int[] {in.readUnsignedShort(), in.readUnsignedShort()};
                case 15 -> refs[i] = new int[] {in.readUnsignedByte(), in.readUnsignedShort()};
                default -> throw new IOException("unknown constant pool tag " + tag);
            }
        }
        Set<MemberRef> memberRefs = new HashSet<>();
        Set<String> types = new HashSet<>();
        for (int i = 1; i < count; i++) {
            if (tags[i] == 9 || tags[i] == 10 || tags[i] == 11) {
                int[] nat = refs[refs[i][1]];
                memberRefs.add(new MemberRef(className(pool, refs[refs[i][0]][0]), (String) pool[nat[0]], (String) pool[nat[1]]));
            } else if (tags[i] == 7) {
                types.add(className(pool, refs[i][0]));
            } else if (tags[i] == 1) {
                typesInDescriptor((String) pool[i], types);
            }
        }
        in.readUnsignedShort();
        String name = className(pool, refs[in.readUnsignedShort()][0]);
        in.readUnsignedShort();
        int interfaces = in.readUnsignedShort();
        for (int i = 0; i < interfaces; i++) {
            in.readUnsignedShort();
        }
        int fields = in.readUnsignedShort();
        for (int i = 0; i < fields; i++) {
            in.readUnsignedShort();
            in.readUnsignedShort();
            in.readUnsignedShort();
            skipAttributes(in);
        }
        List<MethodInfo> methods = new ArrayList<>();
        int methodCount = in.readUnsignedShort();
        for (int i = 0; i < methodCount; i++) {
            in.readUnsignedShort();
            String methodName = (String) pool[in.readUnsignedShort()];
            String descriptor = (String) pool[in.readUnsignedShort()];
            Set<String> invoked = new HashSet<>();
            int attributes = in.readUnsignedShort();
            for (int a = 0; a < attributes; a++) {
                String attribute = (String) pool[in.readUnsignedShort()];
                byte[] body = new byte[in.readInt()];
                in.readFully(body);
                if (attribute.equals("Code")) {
                    invoked.addAll(invokedNames(body, pool, refs, tags));
                }
            }
            methods.add(new MethodInfo(methodName, descriptor, invoked));
        }
        return new ClassFile(name, memberRefs, types, methods);
    }

    // Looks for invoke opcodes followed by a method reference; an operand that merely looks like one can only add names
    private static Set<String> invokedNames(byte[] code, Object[] pool, int[][] refs, int[] tags) {
        Set<String> names = new HashSet<>();
        int length = ((code[4] & 0xff) << 24) | ((code[5] & 0xff) << 16) | ((code[6] & 0xff) << 8) | (code[7] & 0xff);
        for (int pc = 8; pc + 2 < 8 + length; pc++) {
            int op = code[pc] & 0xff;
            if (op >= 0xb6 && op <= 0xb9) {
                int index = ((code[pc + 1] & 0xff) << 8) | (code[pc + 2] & 0xff);
                if (index > 0 && index < tags.length && (tags[index] == 10 || tags[index] == 11)) {
                    names.add((String) pool[refs[refs[index][1]][0]]);
                }
            }
        }
        return names;
    }

    private static void skipAttributes(DataInputStream in) throws IOException {
        int attributes = in.readUnsignedShort();
        for (int a = 0; a < attributes; a++) {
            in.readUnsignedShort();
            in.skipNBytes(in.readInt());
        }
    }

    private static String className(Object[] pool, int utf8) {
        return ((String) pool[utf8]).replace('/', '.');
    }

    private static void typesInDescriptor(String text, Set<String> types) {
        int start = text.indexOf('L');
        while (start >= 0) {
            int end = text.indexOf(';', start);
            if (end < 0) {
                return;
            }
            String candidate = text.substring(start + 1, end);
            int generic = candidate.indexOf('<');
            if (generic >= 0) {
                candidate = candidate.substring(0, generic);
            }
            if (candidate.matches("[A-Za-z0-9_$]+(/[A-Za-z0-9_$]+)+")) {
                types.add(candidate.replace('/', '.'));
            }
            start = text.indexOf('L', start + 1);
        }
    }
}
