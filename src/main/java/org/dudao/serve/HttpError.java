package org.dudao.serve;

/** A request the console answers with an error status and a reason in Chinese: JSON for the API, a page otherwise. */
final class HttpError extends RuntimeException {
    final int status;

    HttpError(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    static HttpError notFound(String what) { return new HttpError(404, what); }
}
