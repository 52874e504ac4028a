package com.rooms.admin;

import java.util.List;

import com.rooms.history.ArchivedMessage;

/**
 * One page of a room's messages, newest first.
 *
 * @param nextBefore the {@code before} of the next page, null on the last one
 * @param showCleared whether the caller is shown the {@code cleared} flag (administrators)
 */
public record MessagePage(List<ArchivedMessage> messages, Long nextBefore, boolean showCleared) {
}
