package org.openoqs.pki;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.security.KeyManagementException;
import java.security.SecureRandom;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLContextSpi;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocketFactory;
import javax.net.ssl.SSLSessionContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;

/**
 * An {@link SSLContext} that runs a hook before every new client connection (engine or socket) and otherwise
 * behaves exactly like the wrapped one. {@link ReloadableClientTls} uses the hook to drop sessions of a replaced
 * certificate right before the JDK would look one up for resumption.
 */
final class SessionPurgingContext extends SSLContext {

    SessionPurgingContext(SSLContext inner, Runnable beforeConnect) {
        super(new Spi(inner, beforeConnect), inner.getProvider(), inner.getProtocol());
    }

    private static final class Spi extends SSLContextSpi {
        private final SSLContext inner;
        private final Runnable beforeConnect;

        Spi(SSLContext inner, Runnable beforeConnect) {
            this.inner = inner;
            this.beforeConnect = beforeConnect;
        }

        @Override
        protected void engineInit(KeyManager[] km, TrustManager[] tm, SecureRandom sr) throws KeyManagementException {
            throw new KeyManagementException("already initialised");
        }

        @Override
        protected SSLSocketFactory engineGetSocketFactory() {
            return new PurgingSocketFactory(inner.getSocketFactory(), beforeConnect);
        }

        @Override
        protected SSLServerSocketFactory engineGetServerSocketFactory() {
            return inner.getServerSocketFactory();
        }

        @Override
        protected SSLEngine engineCreateSSLEngine() {
            beforeConnect.run();
            return inner.createSSLEngine();
        }

        @Override
        protected SSLEngine engineCreateSSLEngine(String host, int port) {
            beforeConnect.run();
            return inner.createSSLEngine(host, port);
        }

        @Override
        protected SSLSessionContext engineGetServerSessionContext() {
            return inner.getServerSessionContext();
        }

        @Override
        protected SSLSessionContext engineGetClientSessionContext() {
            return inner.getClientSessionContext();
        }

        @Override
        protected SSLParameters engineGetDefaultSSLParameters() {
            return inner.getDefaultSSLParameters();
        }

        @Override
        protected SSLParameters engineGetSupportedSSLParameters() {
            return inner.getSupportedSSLParameters();
        }
    }

    private static final class PurgingSocketFactory extends SSLSocketFactory {
        private final SSLSocketFactory inner;
        private final Runnable beforeConnect;

        PurgingSocketFactory(SSLSocketFactory inner, Runnable beforeConnect) {
            this.inner = inner;
            this.beforeConnect = beforeConnect;
        }

        @Override
        public String[] getDefaultCipherSuites() {
            return inner.getDefaultCipherSuites();
        }

        @Override
        public String[] getSupportedCipherSuites() {
            return inner.getSupportedCipherSuites();
        }

        @Override
        public Socket createSocket() throws IOException {
            beforeConnect.run();
            return inner.createSocket();
        }

        @Override
        public Socket createSocket(Socket s, String host, int port, boolean autoClose) throws IOException {
            beforeConnect.run();
            return inner.createSocket(s, host, port, autoClose);
        }

        @Override
        public Socket createSocket(Socket s, InputStream consumed, boolean autoClose) throws IOException {
            beforeConnect.run();
            return inner.createSocket(s, consumed, autoClose);
        }

        @Override
        public Socket createSocket(String host, int port) throws IOException {
            beforeConnect.run();
            return inner.createSocket(host, port);
        }

        @Override
        public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
            beforeConnect.run();
            return inner.createSocket(host, port, localHost, localPort);
        }

        @Override
        public Socket createSocket(InetAddress host, int port) throws IOException {
            beforeConnect.run();
            return inner.createSocket(host, port);
        }

        @Override
        public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
                throws IOException {
            beforeConnect.run();
            return inner.createSocket(address, port, localAddress, localPort);
        }
    }
}
