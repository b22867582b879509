package se.iop.web;

import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Stateless;
import jakarta.enterprise.context.ConversationScoped;
import jakarta.enterprise.context.SessionScoped;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.Serializable;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The web application is {@code <distributable/>}: on the clustered server a session — the login, the Faces view
 * state and the view-scoped beans in it — is written to the distributed cache and read on another node when its
 * own is gone. Whatever a session-held bean keeps must therefore serialize. Weld checks at deployment that such a
 * bean is {@link Serializable} and that what is injected into it can be passivated; it does not look at the
 * bean's own fields. This does: every field of a view-, session- or conversation-scoped bean that is not injected,
 * static or transient must be of a serializable type, and so must the fields of the application's own types it
 * holds, all the way down. A transient field (a read model, an entity) is read again when it is null — after a
 * move, too.
 */
class SessionStateTest {

    private static final Set<Class<?>> CONTAINERS = Set.of(List.class, Set.class, Collection.class, Map.class);

    @Test
    void everythingASessionHoldsSerializes() throws Exception {
        List<Class<?>> beans = sessionHeldBeans();
        assertTrue(beans.size() >= 30, "found only " + beans.size() + " view-scoped beans: is the scan looking in the right place?");
        List<String> problems = new ArrayList<>();
        Set<Class<?>> seen = new HashSet<>();
        for (Class<?> bean : beans) {
            if (!Serializable.class.isAssignableFrom(bean)) {
                problems.add(bean.getName() + " is not Serializable");
            }
            fields(bean, bean.getSimpleName(), seen, problems);
        }
        assertEquals(List.of(), problems);
    }

    /** What a session keeps besides the Faces state: the login's stamp and the provider signed in through. */
    @Test
    void theSessionAttributesOfTheLoginSerialize() {
        for (String name : List.of("se.iop.account.security.SessionStamp", "se.iop.account.security.ProviderSignIn$Through")) {
            List<String> problems = new ArrayList<>();
            Class<?> type = load(name);
            assertTrue(Serializable.class.isAssignableFrom(type), name);
            fields(type, type.getSimpleName(), new HashSet<>(), problems);
            assertEquals(List.of(), problems);
        }
    }

    private static void fields(Class<?> type, String path, Set<Class<?>> seen, List<String> problems) {
        if (!seen.add(type)) {
            return;
        }
        // The application's own classes, field by field; a library superclass (PrimeFaces' LazyDataModel) is
        // Serializable and keeps what its type argument names, which is checked instead.
        for (Class<?> c = type; c != null && c.getName().startsWith("se.iop."); c = c.getSuperclass()) {
            if (c.getGenericSuperclass() instanceof ParameterizedType p) {
                for (Type argument : p.getActualTypeArguments()) {
                    check(argument, path + "<>", seen, problems);
                }
            }
            for (Field f : c.getDeclaredFields()) {
                int m = f.getModifiers();
                if (Modifier.isStatic(m) || Modifier.isTransient(m) || f.isSynthetic() && f.getName().startsWith("this$")
                        || f.isAnnotationPresent(Inject.class) || f.isAnnotationPresent(EJB.class)) {
                    continue;
                }
                check(f.getGenericType(), path + "." + f.getName(), seen, problems);
            }
        }
    }

    private static void check(Type type, String path, Set<Class<?>> seen, List<String> problems) {
        if (type instanceof ParameterizedType p) {
            Class<?> raw = (Class<?>) p.getRawType();
            if (!CONTAINERS.contains(raw)) {
                check(raw, path, seen, problems);
            }
            for (Type argument : p.getActualTypeArguments()) {
                check(argument, path + "<>", seen, problems);
            }
        } else if (type instanceof GenericArrayType a) {
            check(a.getGenericComponentType(), path + "[]", seen, problems);
        } else if (type instanceof WildcardType w) {
            for (Type bound : w.getUpperBounds()) {
                check(bound, path, seen, problems);
            }
        } else if (type instanceof TypeVariable<?> v) {
            for (Type bound : v.getBounds()) {
                check(bound, path, seen, problems);
            }
        } else if (type instanceof Class<?> c) {
            if (c.isArray()) {
                check(c.getComponentType(), path + "[]", seen, problems);
            } else if (CONTAINERS.contains(c) || c == Object.class) {
                problems.add(path + ": " + c.getSimpleName() + " says nothing of what it holds");
            } else if (isSessionBean(c)) {
                return; // a reference handed on from an injected field: the container's proxy, which serializes
            } else if (!c.isPrimitive() && !Serializable.class.isAssignableFrom(c)) {
                problems.add(path + ": " + c.getName() + " is not Serializable");
            } else if (c.getName().startsWith("se.iop.") && !c.isEnum()) {
                fields(c, path, seen, problems);
            }
        }
    }

    private static boolean isSessionBean(Class<?> c) {
        return c.isAnnotationPresent(Stateless.class) || c.isAnnotationPresent(Singleton.class);
    }

    private static List<Class<?>> sessionHeldBeans() throws IOException, URISyntaxException {
        Path root = Path.of(Ui.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<Class<?>> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = root.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                Class<?> c = load(name);
                if (c.isAnnotationPresent(ViewScoped.class) || c.isAnnotationPresent(SessionScoped.class)
                        || c.isAnnotationPresent(ConversationScoped.class)) {
                    found.add(c);
                }
            }
        }
        return found;
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, SessionStateTest.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(name, e);
        }
    }
}
