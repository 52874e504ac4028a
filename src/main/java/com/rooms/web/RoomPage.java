package com.rooms.web;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.rooms.membership.Names;

/** Room links: {@code /r/{roomId}} is the web client's room page for that room (a malformed id is 404). */
@WebServlet(urlPatterns = "/r/*")
public class RoomPage extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        String path = request.getPathInfo();
        String roomId = path == null ? "" : path.substring(1);
        if (!Names.roomId(roomId)) {
            response.sendError(404);
            return;
        }
        response.setHeader("Cache-Control", "no-cache");
        request.getRequestDispatcher("/room.html").forward(request, response);
    }
}
