package io.prockit.windows.spawn;

import com.sun.jna.Memory;
import com.sun.jna.platform.win32.WinBase;
import com.sun.jna.platform.win32.WinNT;
import io.prockit.windows.jna.WinConstants;
import io.prockit.windows.platform.Win32;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The file attributes {@link ProgramSearch} needs to tell an App Execution Alias from a real program, read
 * through kernel32 (the pure search takes them as a function, so it is tested on every OS).
 */
final class FileAttributes {
    private FileAttributes() {
    }

    /**
     * A path's own attributes and reparse tag through {@code FindFirstFileW}, which does not follow the
     * reparse point (an App Execution Alias cannot be opened, only listed).
     *
     * @param p a path
     * @return the attributes, empty when nothing is there (or the name holds wildcards, which no file has)
     */
    static Optional<ProgramSearch.RawAttributes> of(Path p) {
        String name = p.toString();
        if (name.indexOf('*') >= 0 || name.indexOf('?') >= 0) {
            return Optional.empty();
        }
        try (Memory data = new Memory(WinBase.WIN32_FIND_DATA.sizeOf())) {
            WinNT.HANDLE find = Win32.K32.FindFirstFile(name, data);
            if (!Win32.isValid(find)) {
                return Optional.empty();
            }
            Win32.K32.FindClose(find);
            WinBase.WIN32_FIND_DATA d = new WinBase.WIN32_FIND_DATA(data);
            boolean reparse = (d.dwFileAttributes & WinConstants.FILE_ATTRIBUTE_REPARSE_POINT) != 0;
            return Optional.of(new ProgramSearch.RawAttributes(d.dwFileAttributes, reparse ? d.dwReserved0 : 0));
        }
    }
}
