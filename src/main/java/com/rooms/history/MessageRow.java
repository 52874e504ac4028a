package com.rooms.history;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import com.rooms.storage.Times;

/**
 * A row of {@code chat_message}. Ids come from {@code chat_message_seq} in
 * blocks of 100 (the sequence's increment), handed out in the order the
 * single writer persists messages.
 */
@Entity
@Table(name = "chat_message")
public class MessageRow {
    @Id
    @SequenceGenerator(name = "chat_message_ids", sequenceName = "chat_message_seq", allocationSize = 100)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "chat_message_ids")
    @Column(name = "id")
    Long id;

    @Column(name = "room_id")
    String roomId;

    @Column(name = "sender_user_id")
    String senderUserId;

    @Column(name = "sender_name")
    String senderName;

    @Column(name = "receiver_user_id")
    String receiverUserId;

    @Column(name = "body")
    String body;

    @Column(name = "sent_at")
    OffsetDateTime sentAt;

    @Column(name = "cleared_at")
    OffsetDateTime clearedAt;

    protected MessageRow() {
    }

    MessageRow(NewMessage message) {
        this.roomId = message.roomId();
        this.senderUserId = message.userId();
        this.senderName = message.displayName();
        this.receiverUserId = message.toUserId();
        this.body = message.text();
        this.sentAt = Times.column(message.sentAt());
    }

    ChatMessage toMessage() {
        return new ChatMessage(id, roomId, senderUserId, senderName, body, receiverUserId, Times.instant(sentAt));
    }

    ArchivedMessage toArchived() {
        return new ArchivedMessage(toMessage(), clearedAt != null);
    }
}
