@echo off
rem dudao launcher for Windows (cmd.exe). Runs org.dudao.cli.Main with every jar in lib\.
rem   JAVA_HOME  the JDK/JRE to use (else java on PATH); Java 17 or later
rem   JAVA_OPTS  extra JVM options, e.g. set JAVA_OPTS=-Xmx4g for a national run; a collector
rem              chosen there (-XX:+UseG1GC ...) replaces the default -XX:+UseParallelGC
rem This file is ASCII on purpose: cmd.exe reads it in the console's code page.
setlocal
set "DUDAO_HOME=%~dp0.."
for %%I in ("%DUDAO_HOME%") do set "DUDAO_HOME=%%~fI"

if defined JAVA_HOME (
    set "JAVA=%JAVA_HOME%\bin\java.exe"
) else (
    set "JAVA=java.exe"
)
"%JAVA%" -version >nul 2>&1
if errorlevel 1 (
    echo dudao: Java 17 or later was not found. Install a JDK 17 or set JAVA_HOME. 1>&2
    exit /b 3
)

rem The throughput collector (docs/performance.md), unless JAVA_OPTS chooses one.
set "GC=-XX:+UseParallelGC"
echo.%JAVA_OPTS% | findstr /r /c:"-XX:+Use[A-Za-z]*GC" >nul && set "GC="

"%JAVA%" %GC% %JAVA_OPTS% -Dfile.encoding=UTF-8 "-Ddudao.home=%DUDAO_HOME%" -cp "%DUDAO_HOME%\lib\*" org.dudao.cli.Main %*
exit /b %ERRORLEVEL%
