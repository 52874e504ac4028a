package com.rooms.bench;

import java.nio.ByteBuffer;
import java.util.Random;

/**
 * A client frame (RFC 6455 section 5.2) as bytes, with whatever header the
 * fuzzer asks for: FIN or not, RSV bits, any opcode, masked or not, and a
 * declared length that may differ from the payload it carries.
 */
final class RawFrame {
    static final int CONTINUATION = 0x0;
    static final int TEXT = 0x1;
    static final int BINARY = 0x2;
    static final int CLOSE = 0x8;
    static final int PING = 0x9;
    static final int PONG = 0xA;

    private boolean fin = true;
    private int rsv;
    private boolean masked = true;
    private boolean lies;
    private long declaredLength;
    private final int opcode;
    private final byte[] payload;

    private RawFrame(int opcode, byte[] payload) {
        this.opcode = opcode;
        this.payload = payload;
    }

    static RawFrame of(int opcode, byte[] payload) {
        return new RawFrame(opcode, payload);
    }

    RawFrame fin(boolean value) {
        fin = value;
        return this;
    }

    /** RSV1 to RSV3 as three bits (0 to 7). */
    RawFrame rsv(int bits) {
        rsv = bits & 0x7;
        return this;
    }

    RawFrame unmasked() {
        masked = false;
        return this;
    }

    /** The payload length written in the header, whatever the payload's real length (negative: the top bit set). */
    RawFrame declaring(long length) {
        lies = true;
        declaredLength = length;
        return this;
    }

    byte[] bytes(Random random) {
        long length = lies ? declaredLength : payload.length;
        int header = length < 0 || length >= 65536 ? 10 : length < 126 ? 2 : 4;
        ByteBuffer frame = ByteBuffer.allocate(header + (masked ? 4 : 0) + payload.length);
        frame.put((byte) ((fin ? 0x80 : 0) | rsv << 4 | opcode & 0x0F));
        int maskBit = masked ? 0x80 : 0;
        if (header == 2) {
            frame.put((byte) (maskBit | (int) length));
        } else if (header == 4) {
            frame.put((byte) (maskBit | 126)).putShort((short) length);
        } else {
            frame.put((byte) (maskBit | 127)).putLong(length);
        }
        if (masked) {
            byte[] mask = new byte[4];
            random.nextBytes(mask);
            frame.put(mask);
            for (int i = 0; i < payload.length; i++) {
                frame.put((byte) (payload[i] ^ mask[i & 3]));
            }
        } else {
            frame.put(payload);
        }
        return frame.array();
    }
}
