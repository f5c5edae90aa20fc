package org.dudao.history;

import javax.sql.DataSource;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import java.util.logging.Logger;

/** A DataSource over DriverManager with connection properties (Flyway's own takes only user and password). */
final class SimpleDataSource implements DataSource {
    private final String url;
    private final Properties props;

    SimpleDataSource(String url, Properties props) {
        this.url = url;
        this.props = props;
    }

    @Override public Connection getConnection() throws SQLException { return DriverManager.getConnection(url, props); }

    @Override public Connection getConnection(String user, String password) throws SQLException {
        Properties p = new Properties();
        p.putAll(props);
        if (user != null) p.setProperty("user", user);
        if (password != null) p.setProperty("password", password);
        return DriverManager.getConnection(url, p);
    }

    @Override public PrintWriter getLogWriter() { return null; }
    @Override public void setLogWriter(PrintWriter out) {}
    @Override public void setLoginTimeout(int seconds) {}
    @Override public int getLoginTimeout() { return 0; }
    @Override public Logger getParentLogger() throws SQLFeatureNotSupportedException { throw new SQLFeatureNotSupportedException(); }
    @Override public <T> T unwrap(Class<T> iface) throws SQLException { throw new SQLException("not a wrapper"); }
    @Override public boolean isWrapperFor(Class<?> iface) { return false; }
}
