package io.prockit.windows.os;

import com.sun.jna.Native;
import com.sun.jna.Structure;
import com.sun.jna.platform.win32.Tlhelp32;
import com.sun.jna.platform.win32.WinBase;
import com.sun.jna.platform.win32.WinNT;
import io.prockit.windows.jna.COORD;
import io.prockit.windows.jna.JOBOBJECT_BASIC_ACCOUNTING_INFORMATION;
import io.prockit.windows.jna.JOBOBJECT_BASIC_LIMIT_INFORMATION;
import io.prockit.windows.jna.JOBOBJECT_EXTENDED_LIMIT_INFORMATION;
import io.prockit.windows.jna.PROCESS_BASIC_INFORMATION;
import io.prockit.windows.jna.PROCESS_MEMORY_COUNTERS;
import io.prockit.windows.jna.SHELLEXECUTEINFOW;
import io.prockit.windows.jna.STARTUPINFOEXW;
import io.prockit.windows.jna.WinConstants;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Checks every JNA structure and constant the module defines (and the jna-platform structures it
 * passes to kernel32) against the Win64 ABI ground truth in {@code wincheck/win64-layout.txt},
 * produced from the mingw-w64 headers (see {@code wincheck/README.md}).
 *
 * <p>JNA computes a layout for the platform it runs on. On 64-bit Linux that agrees with Win64
 * for fields typed DWORD, WORD, HANDLE, Pointer, int, short, long (as a Java {@code long} for
 * LARGE_INTEGER) and pointer-sized SIZE_T / ULONG_PTR - every field of the structures this module
 * defines. It differs for {@code NativeLong} and jna-platform's {@code WinDef.LONG} (8 bytes on
 * Linux, 4 on Win64) and {@code char[]} (4-byte wchar_t on Linux): jna-platform's
 * {@code PROCESSENTRY32} has both, so for it only the offsets before {@code pcPriClassBase} are
 * compared, not its size. The whole test
 * needs a 64-bit JVM.
 */
class WinLayoutTest {

    record FieldInfo(int offset, int size) {
    }

    record StructInfo(int size, int align, Map<String, FieldInfo> fields) {
    }

    private static final Map<String, StructInfo> STRUCTS = new LinkedHashMap<>();
    private static final Map<String, Long> CONSTS = new LinkedHashMap<>();
    private static Method fieldOffset;

    @BeforeAll
    static void load() throws Exception {
        // win64-layout-extra.txt: the numbers issue 17's fixes added; win64-layout-fds.txt: issue 15's descriptor
        // plumbing (wincheck/README.md says how each was made).
        for (String file : List.of("/wincheck/win64-layout.txt", "/wincheck/win64-layout-extra.txt",
                "/wincheck/win64-layout-fds.txt")) {
        try (InputStream in = WinLayoutTest.class.getResourceAsStream(file)) {
            assertNotNull(in, "test resource " + file);
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = r.readLine()) != null) {
                String[] w = line.trim().split("\\s+");
                if (w[0].equals("arch")) {
                    assertEquals("win64", w[1]);
                    assertEquals("ptr=8", w[2]);
                } else if (w[0].equals("struct")) {
                    STRUCTS.put(w[1], new StructInfo(num(w[2]), num(w[3]), new LinkedHashMap<>()));
                } else if (w[0].equals("field")) {
                    String[] sf = w[1].split("\\.");
                    // a field of a structure whose size is not listed (PEB, RTL_USER_PROCESS_PARAMETERS): size -1
                    STRUCTS.computeIfAbsent(sf[0], k -> new StructInfo(-1, -1, new LinkedHashMap<>()))
                            .fields().put(sf[1], new FieldInfo(num(w[2]), num(w[3])));
                } else if (w[0].equals("const")) {
                    String[] kv = w[1].split("=");
                    // low 32 bits: an NTSTATUS (a signed LONG) prints sign-extended
                    CONSTS.put(kv[0], Long.parseUnsignedLong(kv[1].substring(2), 16) & 0xffffffffL);
                }
            }
        }
        }
        fieldOffset = Structure.class.getDeclaredMethod("fieldOffset", String.class);
        fieldOffset.setAccessible(true);
        assumeTrue(Native.POINTER_SIZE == 8, "the Win64 layout can only be compared on a 64-bit JVM");
    }

    private static int num(String kv) {
        return Integer.parseInt(kv.substring(kv.indexOf('=') + 1));
    }

    private static int offset(Structure s, String field) throws Exception {
        return (int) fieldOffset.invoke(s, field);
    }

    /** Compares a structure's size and each field's offset; {@code rename} maps JNA names to header names. */
    private static void check(String cName, Structure s, Map<String, String> rename) throws Exception {
        StructInfo info = STRUCTS.get(cName);
        assertNotNull(info, cName + " in win64-layout.txt");
        assertEquals(info.size(), s.size(), cName + " size");
        compareFields(cName, s, rename, info, null);
    }

    private static void compareFields(String cName, Structure s, Map<String, String> rename, StructInfo info,
                                      String upTo) throws Exception {
        List<String> compared = new ArrayList<>();
        for (String name : fieldOrder(s.getClass())) {
            if (name.equals(upTo)) {
                return;
            }
            String header = rename.getOrDefault(name, name);
            FieldInfo fi = info.fields().get(header);
            assertNotNull(fi, cName + "." + header + " in win64-layout.txt");
            assertEquals(fi.offset(), offset(s, name), cName + "." + header + " offset");
            compared.add(header);
        }
        assertEquals(info.fields().size(), compared.size(), cName + ": every header field mapped " + compared);
    }

    /** The fields in declaration order, from the {@code @FieldOrder} annotations up the class chain. */
    private static List<String> fieldOrder(Class<?> c) {
        List<String> names = new ArrayList<>();
        for (Class<?> k = c; k != Structure.class; k = k.getSuperclass()) {
            Structure.FieldOrder fo = k.getAnnotation(Structure.FieldOrder.class);
            if (fo != null) {
                names.addAll(0, List.of(fo.value()));
            }
        }
        return names;
    }

    @Test
    void startupInfoExW() throws Exception {
        STARTUPINFOEXW si = new STARTUPINFOEXW();
        check("STARTUPINFOEXW", si, Map.of());
        assertEquals(112, si.StartupInfo.cb.intValue(), "cb is the extended size");
        check("STARTUPINFOW", new WinBase.STARTUPINFO(), Map.of());
        assertEquals(STRUCTS.get("STARTUPINFOEXW").fields().get("StartupInfo").size(), new WinBase.STARTUPINFO().size());
    }

    @Test
    void processInformation() throws Exception {
        check("PROCESS_INFORMATION", new WinBase.PROCESS_INFORMATION(), Map.of());
    }

    @Test
    void jobLimitStructures() throws Exception {
        check("JOBOBJECT_BASIC_LIMIT_INFORMATION", new JOBOBJECT_BASIC_LIMIT_INFORMATION(), Map.of());
        check("IO_COUNTERS", new WinNT.IO_COUNTERS(), Map.of());
        JOBOBJECT_EXTENDED_LIMIT_INFORMATION ext = new JOBOBJECT_EXTENDED_LIMIT_INFORMATION();
        check("JOBOBJECT_EXTENDED_LIMIT_INFORMATION", ext, Map.of());
        StructInfo info = STRUCTS.get("JOBOBJECT_EXTENDED_LIMIT_INFORMATION");
        assertEquals(info.fields().get("BasicLimitInformation").size(), ext.BasicLimitInformation.size());
        assertEquals(info.fields().get("IoInfo").size(), ext.IoInfo.size());
    }

    @Test
    void shellExecuteInfoW() throws Exception {
        SHELLEXECUTEINFOW info = new SHELLEXECUTEINFOW();
        // hIcon and hMonitor are one union member at 96.
        StructInfo expected = STRUCTS.get("SHELLEXECUTEINFOW");
        assertNotNull(expected, "SHELLEXECUTEINFOW in win64-layout.txt");
        assertEquals(expected.size(), info.size(), "SHELLEXECUTEINFOW size");
        assertEquals(expected.size(), info.cbSize, "cbSize is the structure's size");
        Map<String, FieldInfo> fields = new LinkedHashMap<>(expected.fields());
        assertEquals(fields.get("hIcon").offset(), fields.remove("hMonitor").offset(), "hIcon/hMonitor union");
        List<String> jna = fieldOrder(SHELLEXECUTEINFOW.class);
        assertEquals(List.copyOf(fields.keySet()), jna, "every header field, in order");
        for (String name : jna) {
            assertEquals(fields.get(name).offset(), offset(info, name), "SHELLEXECUTEINFOW." + name + " offset");
        }
    }

    @Test
    void coord() throws Exception {
        check("COORD", new COORD(), Map.of());
        COORD.ByValue size = COORD.size(24, 80);
        assertEquals(80, size.X, "X is the columns");
        assertEquals(24, size.Y, "Y is the rows");
        assertEquals(4, size.size(), "passed by value in one register");
    }

    @Test
    void fileTime() throws Exception {
        check("FILETIME", new WinBase.FILETIME(), Map.of());
    }

    @Test
    void processEntryOffsetsUpToTheFirstUnstableField() throws Exception {
        // jna-platform types pcPriClassBase as WinDef.LONG (C long: 8 bytes on Linux, 4 on Win64) and
        // szExeFile as char[] (4-byte units on Linux): compare the offsets before them, not the size.
        Tlhelp32.PROCESSENTRY32 e = new Tlhelp32.PROCESSENTRY32();
        compareFields("PROCESSENTRY32W", e, Map.of(), STRUCTS.get("PROCESSENTRY32W"), "pcPriClassBase");
    }

    /**
     * Two structures are not in win64-layout.txt; their Win64 layouts follow from the SDK headers
     * by the same rules (psapi.h: two DWORDs then eight SIZE_Ts; winnt.h: four LARGE_INTEGERs then
     * four DWORDs) and are written out here.
     */
    @Test
    void structuresOutsideTheGroundTruthFile() throws Exception {
        PROCESS_MEMORY_COUNTERS pmc = new PROCESS_MEMORY_COUNTERS();
        assertEquals(72, pmc.size());
        assertEquals(72, pmc.cb);
        assertEquals(8, offset(pmc, "PeakWorkingSetSize"));
        assertEquals(64, offset(pmc, "PeakPagefileUsage"));
        JOBOBJECT_BASIC_ACCOUNTING_INFORMATION acct = new JOBOBJECT_BASIC_ACCOUNTING_INFORMATION();
        assertEquals(48, acct.size());
        assertEquals(32, offset(acct, "TotalPageFaultCount"));
        assertEquals(40, offset(acct, "ActiveProcesses"));
    }

    /**
     * PROCESS_BASIC_INFORMATION is not in win64-layout.txt. Microsoft's winternl.h declares it as
     * {@code PVOID Reserved1; PPEB PebBaseAddress; PVOID Reserved2[2]; ULONG_PTR UniqueProcessId;
     * PVOID Reserved3;}: six pointer-sized slots, 48 bytes on Win64, PebBaseAddress at 8. The ntdll
     * names put NTSTATUS ExitStatus (4 bytes, padded) in the first slot and KPRIORITY BasePriority
     * (a LONG, padded) in the fourth.
     */
    @Test
    void processBasicInformationMatchesWinternl() throws Exception {
        PROCESS_BASIC_INFORMATION pbi = new PROCESS_BASIC_INFORMATION();
        assertEquals(48, pbi.size());
        assertEquals(0, offset(pbi, "ExitStatus"));
        assertEquals(8, offset(pbi, "PebBaseAddress"));
        assertEquals(16, offset(pbi, "AffinityMask"));
        assertEquals(24, offset(pbi, "BasePriority"));
        assertEquals(32, offset(pbi, "UniqueProcessId"));
        assertEquals(40, offset(pbi, "InheritedFromUniqueProcessId"));
    }

    /**
     * The process table's constants not in the ground-truth file are checked twice: against the
     * header values in {@link #HAND_CHECKED} and against jna-platform's own copies of them.
     */
    @Test
    void tableConstantsAgreeWithJnaPlatform() {
        assertEquals(com.sun.jna.platform.win32.WinNT.PROCESS_VM_READ, WinConstants.PROCESS_VM_READ);
        assertEquals(com.sun.jna.platform.win32.WinNT.PROCESS_SUSPEND_RESUME, WinConstants.PROCESS_SUSPEND_RESUME);
        assertEquals(com.sun.jna.platform.win32.WinNT.TOKEN_QUERY, WinConstants.TOKEN_QUERY);
        assertEquals(com.sun.jna.platform.win32.WinUser.WM_CLOSE, WinConstants.WM_CLOSE);
        assertEquals(com.sun.jna.platform.win32.WinError.ERROR_PARTIAL_COPY, WinConstants.ERROR_PARTIAL_COPY);
        assertEquals(com.sun.jna.platform.win32.WinError.ERROR_NONE_MAPPED, WinConstants.ERROR_NONE_MAPPED);
    }

    /** Constants not in the ground-truth file, with the header values they were taken from. */
    private static final Map<String, Long> HAND_CHECKED = new HashMap<>();

    static {
        HAND_CHECKED.put("STARTF_USESHOWWINDOW", 0x1L);        // winbase.h
        HAND_CHECKED.put("DUPLICATE_SAME_ACCESS", 0x2L);       // winnt.h
        HAND_CHECKED.put("STD_INPUT_HANDLE", 0xFFFFFFF6L);     // processenv.h: (DWORD)-10
        HAND_CHECKED.put("STD_OUTPUT_HANDLE", 0xFFFFFFF5L);    // (DWORD)-11
        HAND_CHECKED.put("STD_ERROR_HANDLE", 0xFFFFFFF4L);     // (DWORD)-12
        HAND_CHECKED.put("JobObjectBasicAccountingInformation", 1L); // winnt.h JOBOBJECTINFOCLASS
        // Not in the SDK's winternl.h nor mingw-w64's: PROCESSINFOCLASS value 60 as psutil
        // (psutil/arch/windows/ntextapi.h) and Process Hacker's phnt (ntpsapi.h) define it.
        HAND_CHECKED.put("ProcessCommandLineInformation", 60L);
        HAND_CHECKED.put("MAXIMUM_WAIT_OBJECTS", 64L);         // winnt.h
        HAND_CHECKED.put("ERROR_NO_DATA", 232L);               // winerror.h
        HAND_CHECKED.put("ERROR_DIRECTORY", 267L);             // winerror.h
        HAND_CHECKED.put("PROCESS_VM_READ", 0x10L);            // winnt.h
        HAND_CHECKED.put("PROCESS_SUSPEND_RESUME", 0x800L);    // winnt.h
        HAND_CHECKED.put("TOKEN_QUERY", 0x8L);                 // winnt.h
        HAND_CHECKED.put("ProcessBasicInformation", 0L);       // winternl.h PROCESSINFOCLASS
        HAND_CHECKED.put("WM_CLOSE", 0x10L);                   // winuser.h
        HAND_CHECKED.put("ERROR_PARTIAL_COPY", 299L);          // winerror.h
        HAND_CHECKED.put("ERROR_NONE_MAPPED", 1332L);          // winerror.h
        HAND_CHECKED.put("ERROR_NOT_ENOUGH_MEMORY", 8L);       // winerror.h
        HAND_CHECKED.put("ERROR_SHARING_VIOLATION", 32L);      // winerror.h
        HAND_CHECKED.put("ERROR_ENVVAR_NOT_FOUND", 203L);      // winerror.h
        HAND_CHECKED.put("ERROR_NO_ASSOCIATION", 1155L);       // winerror.h
        HAND_CHECKED.put("ERROR_DDE_FAIL", 1156L);             // winerror.h
        HAND_CHECKED.put("ERROR_DLL_NOT_FOUND", 1157L);        // winerror.h
        HAND_CHECKED.put("SE_ERR_FNF", 2L);                    // shellapi.h
        HAND_CHECKED.put("SE_ERR_PNF", 3L);
        HAND_CHECKED.put("SE_ERR_ACCESSDENIED", 5L);
        HAND_CHECKED.put("SE_ERR_OOM", 8L);
        HAND_CHECKED.put("SE_ERR_SHARE", 26L);
        HAND_CHECKED.put("SE_ERR_ASSOCINCOMPLETE", 27L);
        HAND_CHECKED.put("SE_ERR_DDETIMEOUT", 28L);
        HAND_CHECKED.put("SE_ERR_DDEFAIL", 29L);
        HAND_CHECKED.put("SE_ERR_DDEBUSY", 30L);
        HAND_CHECKED.put("SE_ERR_NOASSOC", 31L);
        HAND_CHECKED.put("SE_ERR_DLLNOTFOUND", 32L);
        HAND_CHECKED.put("ALL_PROCESSOR_GROUPS", 0xFFFFL);     // winnt.h
        HAND_CHECKED.put("S_OK", 0L);                          // winerror.h
        HAND_CHECKED.put("FACILITY_WIN32", 7L);                // winerror.h
        HAND_CHECKED.put("UNLEN", 256L);                       // lmcons.h
        HAND_CHECKED.put("MAX_PATH_CHARS", 260L);              // windef.h MAX_PATH
        HAND_CHECKED.put("S_IREAD", 0x100L);                   // ucrt sys/stat.h _S_IREAD
        HAND_CHECKED.put("S_IWRITE", 0x80L);                   // ucrt sys/stat.h _S_IWRITE
        HAND_CHECKED.put("ABORT_EXIT_CODE", 3L);               // the C runtime's abort(), Python's os.abort docs
        HAND_CHECKED.put("CRT_MAX_DESCRIPTORS", 8192L);        // the C runtime's low-level I/O limit (docs: File handling)
    }

    /** The hand-checked error constants agree with jna-platform's own copies as well (it has no SE_ERR_* or UNLEN). */
    @Test
    void errorConstantsAgreeWithJnaPlatform() {
        assertEquals(com.sun.jna.platform.win32.WinError.ERROR_ENVVAR_NOT_FOUND, WinConstants.ERROR_ENVVAR_NOT_FOUND);
        assertEquals(com.sun.jna.platform.win32.WinError.ERROR_NO_ASSOCIATION, WinConstants.ERROR_NO_ASSOCIATION);
        assertEquals(com.sun.jna.platform.win32.WinError.ERROR_DDE_FAIL, WinConstants.ERROR_DDE_FAIL);
        assertEquals(com.sun.jna.platform.win32.WinError.ERROR_DLL_NOT_FOUND, WinConstants.ERROR_DLL_NOT_FOUND);
        assertEquals(com.sun.jna.platform.win32.WinError.ERROR_SHARING_VIOLATION, WinConstants.ERROR_SHARING_VIOLATION);
        assertEquals(com.sun.jna.platform.win32.WinError.ERROR_NOT_ENOUGH_MEMORY, WinConstants.ERROR_NOT_ENOUGH_MEMORY);
        assertEquals(com.sun.jna.platform.win32.WinError.FACILITY_WIN32, WinConstants.FACILITY_WIN32);
        assertEquals(com.sun.jna.platform.win32.WinDef.MAX_PATH, WinConstants.MAX_PATH_CHARS);
    }

    @Test
    void everyConstantMatchesTheHeaders() throws Exception {
        int fromFile = 0;
        for (Field f : WinConstants.class.getFields()) {
            if (!Modifier.isStatic(f.getModifiers()) || f.getType() != int.class) {
                continue;
            }
            long value = f.getInt(null) & 0xffffffffL;
            Long expected = CONSTS.get(f.getName());
            if (expected != null) {
                fromFile++;
            } else {
                expected = HAND_CHECKED.get(f.getName());
            }
            assertNotNull(expected, "WinConstants." + f.getName() + " is neither in win64-layout.txt nor hand-checked");
            assertEquals((long) expected, value, "WinConstants." + f.getName());
        }
        assertTrue(fromFile >= 40, "most constants come from the ground-truth file: " + fromFile);
    }

    /** The command-line read and the alias check against the headers (win64-layout-extra.txt). */
    @Test
    void commandLineAndAliasLayoutsMatchTheHeaders() throws Exception {
        StructInfo us = STRUCTS.get("UNICODE_STRING");
        assertEquals(PebCommandLine.STRING_SIZE, us.size());
        assertEquals(PebCommandLine.STRING_LENGTH, us.fields().get("Length").offset());
        assertEquals(PebCommandLine.STRING_MAXIMUM_LENGTH, us.fields().get("MaximumLength").offset());
        assertEquals(PebCommandLine.STRING_BUFFER, us.fields().get("Buffer").offset());
        assertEquals(PebCommandLine.PEB_PROCESS_PARAMETERS, STRUCTS.get("PEB").fields().get("ProcessParameters").offset());
        assertEquals(PebCommandLine.PARAMETERS_COMMAND_LINE,
                STRUCTS.get("RTL_USER_PROCESS_PARAMETERS").fields().get("CommandLine").offset());
        assertEquals(8, STRUCTS.get("PROCESS_BASIC_INFORMATION").fields().get("PebBaseAddress").offset());
        // jna-platform's WIN32_FIND_DATA: every field before cFileName is ABI-stable (DWORD, FILETIME), so the
        // offsets FileAttributes.of reads agree with Win64 here; its size (char[]) does not, as the README says.
        StructInfo fd = STRUCTS.get("WIN32_FIND_DATAW");
        WinBase.WIN32_FIND_DATA d = new WinBase.WIN32_FIND_DATA();
        assertEquals(fd.fields().get("dwFileAttributes").offset(), offset(d, "dwFileAttributes"));
        assertEquals(fd.fields().get("dwReserved0").offset(), offset(d, "dwReserved0"));
        assertEquals(fd.fields().get("cFileName").offset(), offset(d, "cFileName"));
        assertTrue(CONSTS.containsKey("IO_REPARSE_TAG_APPEXECLINK") && CONSTS.containsKey("STATUS_INFO_LENGTH_MISMATCH"));
    }

    /**
     * The descriptor plumbing's numbers (win64-layout-fds.txt): jna-platform's {@code CONSOLE_SCREEN_BUFFER_INFO}
     * is all shorts and COORDs, so its layout on Linux is Win64's; the C runtime constants are compared by
     * {@link #everyConstantMatchesTheHeaders()}, and their presence in the file is checked here.
     */
    @Test
    void consoleScreenBufferInfoAndDescriptorConstantsMatchTheHeaders() throws Exception {
        check("CONSOLE_SCREEN_BUFFER_INFO", new com.sun.jna.platform.win32.Wincon.CONSOLE_SCREEN_BUFFER_INFO(), Map.of());
        check("SMALL_RECT", new com.sun.jna.platform.win32.Wincon.SMALL_RECT(), Map.of());
        for (String name : List.of("PIPE_NOWAIT", "FILE_TYPE_CHAR", "O_RDONLY", "O_WRONLY", "O_NOINHERIT", "CRT_EBADF",
                "CRT_EAGAIN", "CRT_EINVAL", "CRT_EMFILE", "CRT_ENOSPC", "CRT_EPIPE", "ERROR_NO_DATA")) {
            assertTrue(CONSTS.containsKey(name), name + " in win64-layout-fds.txt");
            assertEquals((long) CONSTS.get(name), WinConstants.class.getField(name).getInt(null) & 0xffffffffL, name);
        }
    }

    @Test
    void groundTruthFileIsComplete() throws IOException {
        assertTrue(STRUCTS.containsKey("STARTUPINFOEXW") && STRUCTS.containsKey("JOBOBJECT_EXTENDED_LIMIT_INFORMATION"));
        assertTrue(CONSTS.containsKey("PROC_THREAD_ATTRIBUTE_HANDLE_LIST"));
    }
}
