package com.rooms.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class FrameDecoderTest {
    private final FrameDecoder decoder = new FrameDecoder();

    private FrameRejected rejected(String frame) {
        return assertThrows(FrameRejected.class, () -> decoder.decode(frame));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "nope", "{", "[1,2]", "42", "\"text\"", "null", "{\"type\":\"text\"} trailing", "{'type':'ping'}"})
    void nonObjectsAreBadJson(String frame) {
        assertEquals(ErrorCode.BAD_JSON, rejected(frame).code());
    }

    @Test
    void relayedDataMayNestAsDeepAsTheFrameSizeAllows() {
        String deepest = "[".repeat(32_000) + "]".repeat(32_000);
        assertEquals(deepest, ((Command.Relay) decoder.decode("{\"type\":\"greeting\",\"data\":" + deepest + "}")
                .command()).data().text());
        String objects = "{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000);
        assertEquals(objects, ((Command.Relay) decoder.decode("{\"type\":\"offer\",\"data\":" + objects + "}")
                .command()).data().text());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"type\":\"get-history\",\"data\":{\"before\":%s}}",
        "{\"type\":\"text\",\"data\":{\"text\":%s}}",
        "{\"type\":\"kick\",\"data\":{\"id\":\"x\",\"n\":%s}}"})
    void aNumberTooLongToReadInReadDataIsInvalidNotACrash(String template) {
        FrameRejected e = rejected(template.formatted("0." + "0".repeat(5_000) + "1"));
        assertEquals(ErrorCode.INVALID, e.code());
        assertTrue(e.getMessage().endsWith("holds a value too large to read"), e.getMessage());
    }

    @Test
    void aNumberTooLongToReadIsRelayedAsItIs() {
        String number = "1" + "0".repeat(20_000);
        assertEquals(number, ((Command.Relay) decoder.decode("{\"type\":\"greeting\",\"data\":" + number + "}")
                .command()).data().text());
    }

    @Test
    void deepNestingWhereAFieldWantsAStringIsInvalidNotACrash() {
        String deep = "{\"type\":\"text\",\"data\":{\"text\":" + "[".repeat(30_000) + "]".repeat(30_000) + "}}";
        FrameRejected e = assertThrows(FrameRejected.class, () -> decoder.decode(deep));
        assertEquals(ErrorCode.INVALID, e.code());
    }

    @Test
    void deepNestingUnderAnUnknownTypeIsUnknownTypeNotACrash() {
        String deep = "{\"type\":\"shout\",\"data\":" + "[".repeat(30_000) + "]".repeat(30_000) + "}";
        FrameRejected e = assertThrows(FrameRejected.class, () -> decoder.decode(deep));
        assertEquals(ErrorCode.UNKNOWN_TYPE, e.code());
    }

    @Test
    void aLoneSurrogateInTextOrANameIsInvalidButAPairIsKept() {
        FrameRejected text = assertThrows(FrameRejected.class,
                () -> decoder.decode("{\"type\":\"text\",\"data\":{\"text\":\"hi \\udc00\"}}"));
        assertEquals(ErrorCode.INVALID, text.code());
        FrameRejected name = assertThrows(FrameRejected.class,
                () -> decoder.decode("{\"type\":\"profile\",\"data\":{\"username\":\"\\ud83dA\"}}"));
        assertEquals(ErrorCode.INVALID, name.code());
        Command.Text pair = (Command.Text) decoder.decode(
                "{\"type\":\"text\",\"data\":{\"text\":\"\\ud83d\\ude00\"}}").command();
        assertEquals("\ud83d\ude00", pair.text());
    }

    @Test
    void unbalancedDeepNestingIsBadJson() {
        String deep = "{\"type\":\"greeting\",\"data\":" + "[".repeat(30_000) + "}";
        FrameRejected e = assertThrows(FrameRejected.class, () -> decoder.decode(deep));
        assertEquals(ErrorCode.BAD_JSON, e.code());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"data\":{}}|type is missing",
        "{\"type\":null}|type is missing",
        "{\"type\":7}|type must be a string",
        "{\"type\":\"text\",\"data\":{\"text\":\"\"}}|data.text must be 1 to 4000 characters, got 0",
        "{\"type\":\"text\",\"data\":{\"text\":5}}|data.text must be a string",
        "{\"type\":\"text\",\"data\":\"hi\"}|data of text must be an object",
        "{\"type\":\"text\"}|data of text must be an object",
        "{\"type\":\"profile\",\"data\":{\"username\":\"   \"}}|data.username is blank",
        "{\"type\":\"profile\",\"data\":{\"username\":\"a\\u0007b\"}}|data.username contains control characters",
        "{\"type\":\"get-history\",\"data\":{\"limit\":0}}|data.limit must be 1 to 200, got 0",
        "{\"type\":\"get-history\",\"data\":{\"limit\":201}}|data.limit must be 1 to 200, got 201",
        "{\"type\":\"get-history\",\"data\":{\"limit\":2.5}}|data.limit must be a whole number",
        "{\"type\":\"get-history\",\"data\":{\"before\":\"9\"}}|data.before must be a whole number",
        "{\"type\":\"get-history\",\"data\":{\"before\":1e999999999}}|data.before must be a whole number",
        "{\"type\":\"pong\",\"data\":1}|pong from a client needs a receiver",
        "{\"type\":\"kick\",\"data\":{}}|kick needs exactly one of data.id and data.user_id",
        "{\"type\":\"kick\",\"data\":{\"id\":\"a\",\"user_id\":\"b\"}}|kick needs exactly one of data.id and data.user_id",
        "{\"type\":\"refresh\",\"data\":{\"token\":\"\"}}|data.token is empty",
        "{\"type\":\"offer\",\"receiver\":5}|receiver must be a string",
        "{\"type\":\"get-room-info\",\"receiver\":\"x-1\"}|get-room-info is answered by the server and takes no receiver",
    })
    void malformedFieldsAreInvalidWithTheReason(String frame, String reason) {
        FrameRejected e = rejected(frame);
        assertEquals(ErrorCode.INVALID, e.code());
        assertEquals(reason, e.getMessage());
    }

    @Test
    void aNumberTooLongForTheJsonReaderIsInvalidNotACrash() {
        String digits = "9".repeat(1_101);
        FrameRejected text = rejected("{\"type\":\"text\",\"data\":{\"text\":\"hi\",\"n\":" + digits + "}}");
        assertEquals(ErrorCode.INVALID, text.code());
        assertEquals("data of text holds a value too large to read", text.getMessage());
        assertEquals(ErrorCode.INVALID, rejected("{\"type\":\"get-history\",\"data\":{\"limit\":" + digits + "}}").code());
        assertEquals(ErrorCode.UNKNOWN_TYPE, rejected("{\"type\":\"shout\",\"data\":[" + digits + "]}").code());
        Command.Relay relay = (Command.Relay) decoder.decode("{\"type\":\"greeting\",\"data\":" + digits + "}").command();
        assertEquals(digits, relay.data().text());
    }

    @Test
    void textOverFourThousandCodePointsIsInvalidButFourThousandEmojiPass() {
        String emoji = "\uD83D\uDE00";
        ClientFrame ok = decoder.decode("{\"type\":\"text\",\"data\":{\"text\":\"" + emoji.repeat(4000) + "\"}}");
        assertEquals(8000, ((Command.Text) ok.command()).text().length());
        FrameRejected e = rejected("{\"type\":\"text\",\"data\":{\"text\":\"" + "x".repeat(4001) + "\"}}");
        assertEquals("data.text must be 1 to 4000 characters, got 4001", e.getMessage());
    }

    @Test
    void usernameOfSixtyFiveCharactersIsInvalid() {
        assertEquals(ErrorCode.INVALID,
                rejected("{\"type\":\"profile\",\"data\":{\"username\":\"" + "n".repeat(65) + "\"}}").code());
    }

    @Test
    void invalidFieldKeepsTheValidIdAsRef() {
        FrameRejected e = rejected("{\"id\":\"c-1\",\"type\":\"text\",\"data\":{\"text\":\"\"}}");
        assertEquals("c-1", e.ref());
    }

    @Test
    void idOverSixtyFourCharactersIsInvalidAndHasNoRef() {
        FrameRejected e = rejected("{\"id\":\"" + "i".repeat(65) + "\",\"type\":\"ping\"}");
        assertEquals(ErrorCode.INVALID, e.code());
        assertNull(e.ref());
    }

    @ParameterizedTest
    @ValueSource(strings = {"welcome", "room-info", "joined", "left", "history", "error", "ice-servers", "shout", ""})
    void serverOnlyAndUnknownTypesAreUnknown(String type) {
        FrameRejected e = rejected("{\"id\":\"u\",\"type\":\"" + type + "\"}");
        assertEquals(ErrorCode.UNKNOWN_TYPE, e.code());
        assertEquals("u", e.ref());
    }

    @Test
    void relayTypesKeepTheirDataUntouched() {
        ClientFrame frame = decoder.decode("{\"id\":\"o1\",\"receiver\":\"n-2\",\"type\":\"offer\","
                + "\"data\":{\"type\":\"offer\",\"sdp\":\"v=0\\r\\n\",\"extra\":[1,2.50]}}");
        Command.Relay relay = assertInstanceOf(Command.Relay.class, frame.command());
        assertEquals("offer", relay.type());
        assertEquals("n-2", frame.receiver());
        assertEquals("{\"type\":\"offer\",\"sdp\":\"v=0\\r\\n\",\"extra\":[1,2.50]}", relay.data().toString());
    }

    @Test
    void relayedDataIsTheExactTextSentWhateverItsKind() {
        String[] values = {"{ \"a\" : [1, {\"b\":\"}\"}] }", "[1,{},[]]", "\"s\\\"}\"", "-5.5e3", "0", "true", "false",
            "{\"x\":\"\u00fc\ud834\udd1e\\u0041\"}"};
        for (String value : values) {
            for (String frame : new String[] {
                "{\"type\":\"offer\",\"data\":" + value + "}",
                "{ \"data\" :\t" + value + " , \"type\" : \"answer\", \"id\":\"é\"}",
                "{\"type\":\"candidate\",\"data\":\n" + value + "\n}"}) {
                Command.Relay relay = assertInstanceOf(Command.Relay.class, decoder.decode(frame).command());
                assertEquals(value, relay.data().text(), frame);
            }
        }
    }

    @Test
    void relayWithoutDataOrWithNullDataCarriesNone() {
        assertNull(((Command.Relay) decoder.decode("{\"type\":\"bye\"}").command()).data());
        assertNull(((Command.Relay) decoder.decode("{\"type\":\"bye\",\"data\":null}").command()).data());
    }

    @Test
    void aRepeatedKeyCountsWithItsLastValue() {
        ClientFrame frame = decoder.decode("{\"type\":\"text\",\"data\":{\"text\":\"a\"},\"type\":\"greeting\",\"data\":[2]}");
        assertEquals("[2]", ((Command.Relay) frame.command()).data().text());
        FrameRejected e = assertThrows(FrameRejected.class, () -> decoder.decode("{\"type\":\"bye\",\"type\":7}"));
        assertEquals("type must be a string", e.getMessage());
    }

    @Test
    void senderAndRefFromTheClientAreIgnored() {
        ClientFrame frame = decoder.decode("{\"type\":\"greeting\",\"sender\":\"server\",\"ref\":\"x\",\"data\":1}");
        assertInstanceOf(Command.Relay.class, frame.command());
        assertNull(frame.receiver());
    }

    @Test
    void pingWithoutReceiverIsForTheServerAndWithReceiverIsRelayed() {
        assertInstanceOf(Command.Ping.class, decoder.decode("{\"type\":\"ping\",\"data\":{\"t\":1}}").command());
        assertInstanceOf(Command.Relay.class, decoder.decode("{\"type\":\"ping\",\"receiver\":\"a-1\"}").command());
        assertInstanceOf(Command.Relay.class, decoder.decode("{\"type\":\"pong\",\"receiver\":\"a-1\"}").command());
    }

    @Test
    void emptyReceiverMeansTheRoom() {
        assertNull(decoder.decode("{\"type\":\"greeting\",\"receiver\":\"\"}").receiver());
    }

    @Test
    void getHistoryDefaultsToFifty() {
        Command.GetHistory get = (Command.GetHistory) decoder.decode("{\"type\":\"get-history\"}").command();
        assertNull(get.before());
        assertEquals(50, get.limit());
        Command.GetHistory paged = (Command.GetHistory) decoder
                .decode("{\"type\":\"get-history\",\"data\":{\"before\":17,\"limit\":200}}").command();
        assertEquals(17L, paged.before());
        assertEquals(200, paged.limit());
    }

    @Test
    void kickTakesAClientOrAUser() {
        Command.Kick byClient = (Command.Kick) decoder.decode("{\"type\":\"kick\",\"data\":{\"id\":\"n-3\"}}").command();
        assertEquals("n-3", byClient.clientId());
        Command.Kick byUser = (Command.Kick) decoder.decode("{\"type\":\"kick\",\"data\":{\"user_id\":\"bob\"}}").command();
        assertEquals("bob", byUser.userId());
        assertTrue(byUser.clientId() == null);
    }
}
