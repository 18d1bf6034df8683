package io.h2mq.message;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

import jakarta.jms.JMSException;
import jakarta.jms.TextMessage;

/** A message whose body is one String (possibly null). Not thread-safe. */
public class H2mqTextMessage extends H2mqMessage implements TextMessage {
    private String text;

    public H2mqTextMessage() {
    }

    public H2mqTextMessage(String text) {
        this.text = text;
    }

    @Override
    public void setText(String text) throws JMSException {
        checkBodyWritable();
        this.text = text;
    }

    @Override
    public String getText() {
        return text;
    }

    @Override
    public void clearBody() throws JMSException {
        text = null;
        super.clearBody();
    }

    @Override
    BodyType bodyType() {
        return BodyType.TEXT;
    }

    @Override
    void writeBody(DataOutputStream out) throws IOException {
        Values.writeNullableString(out, text);
    }

    @Override
    void readBody(DataInputStream in, int remaining) throws IOException {
        text = Values.readNullableString(in);
    }

    @Override
    Object bodyAsObject() {
        return text;
    }
}
