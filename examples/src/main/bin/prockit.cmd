@echo off
rem prockit launcher for Windows: runs the examples jar's tools by name.
rem   prockit pgrep -f java
rem   copy prockit.cmd pgrep.cmd   -- a copy named after a tool runs that tool (busybox style)
rem The jar is found at ..\prockit-examples-@VERSION@.jar beside this script unless PROCKIT_JAR names it.
rem Java comes from JAVA_HOME, else from PATH. PROCKIT_JAVA_OPTS adds JVM options. No AppCDS archive here.
setlocal
set "PROCKIT_NAME=%~n0"
if not defined PROCKIT_JAR set "PROCKIT_JAR=%~dp0..\prockit-examples-@VERSION@.jar"
if not exist "%PROCKIT_JAR%" (
  echo prockit: cannot find the jar %PROCKIT_JAR% ^(set PROCKIT_JAR^) 1>&2
  exit /b 127
)
set "PROCKIT_JAVA=java"
if defined JAVA_HOME set "PROCKIT_JAVA=%JAVA_HOME%\bin\java"
if /i "%PROCKIT_NAME%"=="prockit" (
  "%PROCKIT_JAVA%" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC %PROCKIT_JAVA_OPTS% -jar "%PROCKIT_JAR%" %*
) else (
  "%PROCKIT_JAVA%" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC %PROCKIT_JAVA_OPTS% -jar "%PROCKIT_JAR%" %PROCKIT_NAME% %*
)
exit /b %ERRORLEVEL%
