package com.rooms.room;

/** What the rooms report for monitoring; the metrics adapter implements it. */
public interface RoomMetrics {

    void frameReceived(String type);

    void errorSent(String code);

    /** A frame was written to a client. */
    void written(Outbound frame, long nowNanos);

    /** A client was cut off because its queue overflowed. */
    void slowClientCut();

    RoomMetrics NONE = new RoomMetrics() {
        @Override
        public void frameReceived(String type) {
        }

        @Override
        public void errorSent(String code) {
        }

        @Override
        public void written(Outbound frame, long nowNanos) {
        }

        @Override
        public void slowClientCut() {
        }
    };
}
