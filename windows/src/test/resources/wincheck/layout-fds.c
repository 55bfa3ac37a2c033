/*
 * layout-fds.c - the Win64 / C runtime facts behind prockit's descriptor plumbing on Windows (issue 15:
 * os.pipe, dup, dup2, read, write, get/set_inheritable, get/set_blocking, get_terminal_size, pipelines):
 * the console screen buffer structure, the pipe and handle flags of kernel32, and the C runtime's _O_*
 * flags and errno values. Same macros and output format as layout.c. The C runtime names start with an
 * underscore (_O_RDONLY) or are plain errno names; KONST_AS prints them under the name prockit's
 * WinConstants gives them (O_RDONLY, ...), so the test compares field names with the file directly.
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
#include <windows.h>
#include <fcntl.h>
#include <errno.h>
#include <io.h>
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
#define KONST_AS(name, c) \
    __asm__ volatile("\n.ascii \"@@const " #name "=%0@@\"" \
                     :: "i"((unsigned long long)(c)))
void layout_markers(void)
#else
#define ARCH() printf("arch win64 ptr=%u long=%u wchar=%u\n", \
                      (unsigned)sizeof(void *), (unsigned)sizeof(long), (unsigned)sizeof(wchar_t))
#define STRUCT(T) printf("struct %s size=%u align=%u\n", #T, (unsigned)sizeof(T), (unsigned)_Alignof(T))
#define FIELD(T, f) printf("field %s.%s offset=%u size=%u\n", #T, #f, \
                           (unsigned)offsetof(T, f), (unsigned)FSIZE(T, f))
#define KONST(c) printf("const %s=0x%08llX\n", #c, (unsigned long long)(c))
#define KONST_AS(name, c) printf("const %s=0x%08llX\n", #name, (unsigned long long)(c))
int main(void)
#endif
{
    ARCH();
    STRUCT(SMALL_RECT);
    FIELD(SMALL_RECT, Left);
    FIELD(SMALL_RECT, Top);
    FIELD(SMALL_RECT, Right);
    FIELD(SMALL_RECT, Bottom);
    STRUCT(CONSOLE_SCREEN_BUFFER_INFO);
    FIELD(CONSOLE_SCREEN_BUFFER_INFO, dwSize);
    FIELD(CONSOLE_SCREEN_BUFFER_INFO, dwCursorPosition);
    FIELD(CONSOLE_SCREEN_BUFFER_INFO, wAttributes);
    FIELD(CONSOLE_SCREEN_BUFFER_INFO, srWindow);
    FIELD(CONSOLE_SCREEN_BUFFER_INFO, dwMaximumWindowSize);
    KONST(PIPE_NOWAIT);
    KONST(PIPE_WAIT);
    KONST(HANDLE_FLAG_INHERIT);
    KONST(FILE_TYPE_UNKNOWN);
    KONST(FILE_TYPE_DISK);
    KONST(FILE_TYPE_CHAR);
    KONST(FILE_TYPE_PIPE);
    KONST(ERROR_INVALID_HANDLE);
    KONST(ERROR_BROKEN_PIPE);
    KONST(ERROR_NO_DATA);
    KONST_AS(O_RDONLY, _O_RDONLY);
    KONST_AS(O_WRONLY, _O_WRONLY);
    KONST_AS(O_NOINHERIT, _O_NOINHERIT);
    KONST_AS(O_BINARY, _O_BINARY);
    KONST_AS(O_TEXT, _O_TEXT);
    KONST_AS(CRT_EINTR, EINTR);
    KONST_AS(CRT_EBADF, EBADF);
    KONST_AS(CRT_EAGAIN, EAGAIN);
    KONST_AS(CRT_ENOMEM, ENOMEM);
    KONST_AS(CRT_EACCES, EACCES);
    KONST_AS(CRT_EINVAL, EINVAL);
    KONST_AS(CRT_ENFILE, ENFILE);
    KONST_AS(CRT_EMFILE, EMFILE);
    KONST_AS(CRT_ENOSPC, ENOSPC);
    KONST_AS(CRT_EPIPE, EPIPE);
    KONST_AS(CRT_ENOENT, ENOENT);
#ifndef LAYOUT_ASM
    return 0;
#endif
}
