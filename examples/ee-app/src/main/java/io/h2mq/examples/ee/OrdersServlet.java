package io.h2mq.examples.ee;

import java.io.IOException;

import jakarta.ejb.EJB;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code POST /orders?count=N} sends N orders in one transaction; {@code GET /orders} reports what was sent and
 * what {@link OrdersListener} has received, as one line of plain text.
 *
 * <p>The sending is in an EJB ({@link OrderSender}) rather than here, because an EJB method is where the container
 * starts and commits the transaction the messages are sent in.
 */
@WebServlet("/orders")
public class OrdersServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    /** More per request would make one transaction hold many thousands of messages: send several requests. */
    static final int MAX_COUNT = 100_000;

    @EJB
    private OrderSender sender;

    @EJB
    private OrderCounts counts;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        int count;
        try {
            count = count(request.getParameter("count"));
        } catch (IllegalArgumentException e) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST, e.getMessage());
            return;
        }
        sender.send(count);
        // Only now: the transaction committed when send() returned, so these messages exist.
        counts.sent(count);
        write(response, "sent " + count);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        write(response, counts.report());
    }

    /** The {@code count} parameter: absent means 1; otherwise a whole number from 1 to {@value #MAX_COUNT}. */
    static int count(String parameter) {
        if (parameter == null || parameter.isBlank()) {
            return 1;
        }
        int count;
        try {
            count = Integer.parseInt(parameter.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("count must be a whole number, got '" + parameter + "'", e);
        }
        if (count < 1 || count > MAX_COUNT) {
            throw new IllegalArgumentException("count must be from 1 to " + MAX_COUNT + ", got " + count);
        }
        return count;
    }

    private static void write(HttpServletResponse response, String line) throws IOException {
        response.setContentType("text/plain");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().println(line);
    }
}
