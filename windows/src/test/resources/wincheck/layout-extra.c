/*
 * layout-extra.c - more Win64 ABI facts for prockit's windows module (issue 17): the structures and
 * constants of the App Execution Alias check, the command-line read (NtQueryInformationProcess and the PEB
 * walk), job breakaway and exit detection. Same macros and output format as ../shared/wincheck/layout.c;
 * ProcessCommandLineInformation (60) is not in mingw-w64's winternl.h and is checked against psutil / phnt
 * in WinLayoutTest instead.
 *
 * Two ways to get the numbers out of one source:
 *   1. normal build (x86_64-w64-mingw32-gcc layout.c -o layout.exe) and run it
 *      under wine: main() prints every line with printf;
 *   2. compile-only (-DLAYOUT_ASM -S): every number becomes an immediate in an
 *      ".ascii" marker in the generated assembly (the trick Linux's kbuild uses
 *      for asm-offsets), which extract-asm.sh turns into the same text.
 * Nothing here depends on the running system: sizes, offsets and #define'd
 * constants are fixed at compile time by the headers and the Win64 (LLP64,
 * MSVC-compatible) struct layout rules, so both ways must print the same lines.
 *
 * Output format, one item per line:
 *   arch win64 ptr=8 long=4 wchar=2
 *   struct NAME size=N align=N
 *   field NAME.member offset=N size=N
 *   const NAME=0xHEX
 */
#ifndef _WIN32_WINNT
#define _WIN32_WINNT 0x0A00
#endif
#ifndef NTDDI_VERSION
#define NTDDI_VERSION 0x0A000006 /* NTDDI_WIN10_RS5: exposes the pseudoconsole bits */
#endif
#define WIN32_NO_STATUS
#include <windows.h>
#undef WIN32_NO_STATUS
#include <shellapi.h>
#include <tlhelp32.h>
#include <winternl.h>
#include <ntstatus.h>
#include <stddef.h>
#include <stdio.h>

#define FSIZE(T, f) sizeof(((T *)0)->f)

#ifdef LAYOUT_ASM
/* compile-time path: values appear as immediates in the .s file */
#define ARCH() \
    __asm__ volatile("\n.ascii \"@@arch win64 ptr=%0 long=%1 wchar=%2@@\"" \
                     :: "i"(sizeof(void *)), "i"(sizeof(long)), "i"(sizeof(wchar_t)))
#define STRUCT(T) \
    __asm__ volatile("\n.ascii \"@@struct " #T " size=%0 align=%1@@\"" \
                     :: "i"(sizeof(T)), "i"(_Alignof(T)))
#define FIELD(T, f) \
    __asm__ volatile("\n.ascii \"@@field " #T "." #f " offset=%0 size=%1@@\"" \
                     :: "i"(offsetof(T, f)), "i"(FSIZE(T, f)))
#define KONST(c) \
    __asm__ volatile("\n.ascii \"@@const " #c "=%0@@\"" \
                     :: "i"((unsigned long long)(c)))
void layout_markers(void)
#else
#define ARCH() printf("arch win64 ptr=%u long=%u wchar=%u\n", \
                      (unsigned)sizeof(void *), (unsigned)sizeof(long), (unsigned)sizeof(wchar_t))
#define STRUCT(T) printf("struct %s size=%u align=%u\n", #T, (unsigned)sizeof(T), (unsigned)_Alignof(T))
#define FIELD(T, f) printf("field %s.%s offset=%u size=%u\n", #T, #f, \
                           (unsigned)offsetof(T, f), (unsigned)FSIZE(T, f))
#define KONST(c) printf("const %s=0x%08llX\n", #c, (unsigned long long)(c))
int main(void)
#endif
{
    ARCH();
    STRUCT(UNICODE_STRING);
    FIELD(UNICODE_STRING, Length);
    FIELD(UNICODE_STRING, MaximumLength);
    FIELD(UNICODE_STRING, Buffer);
    FIELD(PEB, ProcessParameters);
    FIELD(RTL_USER_PROCESS_PARAMETERS, ImagePathName);
    FIELD(RTL_USER_PROCESS_PARAMETERS, CommandLine);
    STRUCT(PROCESS_BASIC_INFORMATION);
    FIELD(PROCESS_BASIC_INFORMATION, PebBaseAddress);
    STRUCT(WIN32_FIND_DATAW);
    FIELD(WIN32_FIND_DATAW, dwFileAttributes);
    FIELD(WIN32_FIND_DATAW, dwReserved0);
    FIELD(WIN32_FIND_DATAW, cFileName);
    KONST(IO_REPARSE_TAG_APPEXECLINK);
    KONST(FILE_ATTRIBUTE_REPARSE_POINT);
    KONST(FILE_ATTRIBUTE_DIRECTORY);
    KONST(STATUS_INFO_LENGTH_MISMATCH);
    KONST(ProcessBasicInformation);
    KONST(PROCESS_VM_READ);
    KONST(SYNCHRONIZE);
    KONST(PROCESS_QUERY_LIMITED_INFORMATION);
    KONST(STARTF_USESTDHANDLES);
    KONST(CREATE_BREAKAWAY_FROM_JOB);
    KONST(JOB_OBJECT_LIMIT_BREAKAWAY_OK);
    KONST(JOB_OBJECT_LIMIT_SILENT_BREAKAWAY_OK);
    KONST(JobObjectExtendedLimitInformation);
    KONST(STILL_ACTIVE);
    KONST(WAIT_OBJECT_0);
    KONST(WAIT_TIMEOUT);
    KONST(WAIT_FAILED);
    KONST(CTRL_C_EVENT);
    KONST(CTRL_BREAK_EVENT);
    KONST(ERROR_ACCESS_DENIED);
    KONST(ERROR_PARTIAL_COPY);
#ifndef LAYOUT_ASM
    return 0;
#endif
}
