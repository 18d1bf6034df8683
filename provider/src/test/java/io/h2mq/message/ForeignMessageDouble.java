package io.h2mq.message;

import java.io.ByteArrayInputStream;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.jms.BytesMessage;
import jakarta.jms.MapMessage;
import jakarta.jms.Message;
import jakarta.jms.MessageEOFException;
import jakarta.jms.ObjectMessage;
import jakarta.jms.Queue;
import jakarta.jms.StreamMessage;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;

/**
 * Another provider's message, as far as the standard interfaces show it: a dynamic proxy answering the getters
 * from maps. Bytes and stream bodies can only be read after reset(), as in a real provider.
 */
final class ForeignMessageDouble implements InvocationHandler {
    final Map<String, Object> headers = new HashMap<>();
    final Map<String, Object> properties = new LinkedHashMap<>();
    String text;
    java.io.Serializable object;
    final Map<String, Object> map = new LinkedHashMap<>();
    final List<Object> stream = new ArrayList<>();
    byte[] bytes = new byte[0];
    private Iterator<Object> streamReader;
    private ByteArrayInputStream bytesReader;

    static <T extends Message> T create(Class<T> type, ForeignMessageDouble state) {
        return type.cast(Proxy.newProxyInstance(ForeignMessageDouble.class.getClassLoader(),
                new Class<?>[] {type}, state));
    }

    static Queue queue(String name) {
        return (Queue) Proxy.newProxyInstance(Queue.class.getClassLoader(), new Class<?>[] {Queue.class},
                (p, m, a) -> m.getName().equals("getQueueName") ? name : null);
    }

    static Topic topic(String name) {
        return (Topic) Proxy.newProxyInstance(Topic.class.getClassLoader(), new Class<?>[] {Topic.class},
                (p, m, a) -> m.getName().equals("getTopicName") ? name : null);
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        String name = method.getName();
        switch (name) {
            case "getPropertyNames": return Collections.enumeration(properties.keySet());
            case "getObjectProperty": return properties.get((String) args[0]);
            case "getText": return text;
            case "getObject": return args == null ? object : map.get((String) args[0]);
            case "getMapNames": return Collections.enumeration(map.keySet());
            case "reset":
                streamReader = stream.iterator();
                bytesReader = new ByteArrayInputStream(bytes);
                return null;
            case "readObject":
                if (!streamReader.hasNext()) {
                    throw new MessageEOFException("end");
                }
                return streamReader.next();
            case "readBytes":
                int n = bytesReader.read((byte[]) args[0], 0, Math.min(3, ((byte[]) args[0]).length));
                return n;
            case "toString": return "ForeignMessageDouble";
            case "hashCode": return System.identityHashCode(proxy);
            case "equals": return proxy == args[0];
            default:
                if (name.startsWith("getJMS")) {
                    return headers.getOrDefault(name.substring(3), defaultFor(method.getReturnType()));
                }
                throw new UnsupportedOperationException("test double does not implement " + name);
        }
    }

    private static Object defaultFor(Class<?> type) {
        if (type == int.class) {
            return 0;
        }
        if (type == long.class) {
            return 0L;
        }
        if (type == boolean.class) {
            return false;
        }
        return null;
    }

    static TextMessage text(String text) {
        ForeignMessageDouble state = new ForeignMessageDouble();
        state.text = text;
        return create(TextMessage.class, state);
    }

    static ObjectMessage object(java.io.Serializable object) {
        ForeignMessageDouble state = new ForeignMessageDouble();
        state.object = object;
        return create(ObjectMessage.class, state);
    }

    static BytesMessage bytes(byte[] bytes) {
        ForeignMessageDouble state = new ForeignMessageDouble();
        state.bytes = bytes;
        return create(BytesMessage.class, state);
    }

    static MapMessage map(Map<String, Object> entries) {
        ForeignMessageDouble state = new ForeignMessageDouble();
        state.map.putAll(entries);
        return create(MapMessage.class, state);
    }

    static StreamMessage stream(List<Object> values) {
        ForeignMessageDouble state = new ForeignMessageDouble();
        state.stream.addAll(values);
        return create(StreamMessage.class, state);
    }
}
