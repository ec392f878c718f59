package io.ipmirunner.yaml;

import java.io.IOException;
import java.io.StringReader;
import io.ipmirunner.util.BoundedRead;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;

/**
 * Reads YAML into {@link YamlValue} trees without ever constructing Java objects from tags: SnakeYAML only
 * composes nodes, and this class turns them into plain values. Bounded everywhere a hostile or broken file
 * could make it work hard: file size, code points, nesting depth, aliases, and the size of the tree once
 * aliases are expanded (a billion-laughs file fails in milliseconds). Duplicate keys are errors, and
 * {@code <<} merge keys work as in Ansible.
 */
public final class SafeYaml {
    /** SnakeYAML counts code points, never more than the bytes {@link BoundedRead#TEXT} lets through. */
    public static final int MAX_FILE_BYTES = BoundedRead.TEXT.bytes();
    static final int MAX_ALIASES = 200;
    static final int MAX_DEPTH = 64;
    static final long MAX_EXPANDED_VALUES = 1_000_000;
    private static final Tag VAULT = new Tag("!vault");
    private static final Tag UNSAFE = new Tag("!unsafe");
    /** SnakeYAML's refusal of tags that name Java or Python types ({@code !!python/object:os.system}). */
    private static final String GLOBAL_TAG = "Global tag is not allowed:";

    private final String file;
    private final Map<Node, YamlValue> converted = new IdentityHashMap<>();
    private final Map<Node, Long> expandedSize = new IdentityHashMap<>();
    private final Set<Node> inProgress = java.util.Collections.newSetFromMap(new IdentityHashMap<>());

    private SafeYaml(String file) {
        this.file = file;
    }

    /** Reads one YAML document; an empty file is a null scalar at 1:1. {@code shownAs} names it in errors. */
    public static YamlValue load(Path path, String shownAs) {
        return parse(readText(path, shownAs), shownAs);
    }

    public static YamlValue parse(String text, String shownAs) {
        return new SafeYaml(shownAs).document(text);
    }

    /** A text file as UTF-8, refusing files too large to be a playbook or inventory, whatever the path is. */
    public static String readText(Path path, String shownAs) {
        Location start = new Location(shownAs, 1, 1);
        try {
            return BoundedRead.utf8(BoundedRead.bytes(path, BoundedRead.TEXT), shownAs);
        } catch (BoundedRead.Refused e) {
            throw new InvalidInputException(start, "file is " + e.reason());
        } catch (java.nio.file.NoSuchFileException e) {
            throw new InvalidInputException(start, "file not found");
        } catch (IOException e) {
            throw new InvalidInputException(start, "cannot read file: " + e.getMessage());
        }
    }

    private YamlValue document(String text) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(MAX_ALIASES);
        options.setNestingDepthLimit(MAX_DEPTH);
        options.setCodePointLimit(MAX_FILE_BYTES);
        options.setAllowRecursiveKeys(false);
        Node root;
        try {
            Composer composer = new Composer(new ParserImpl(new StreamReader(new StringReader(text)), options),
                    new Yaml11Resolver(), options);
            root = composer.getSingleNode();
        } catch (MarkedYAMLException e) {
            Mark m = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String problem = e.getProblem() != null ? e.getProblem() : e.getMessage();
            if (problem.startsWith("but ") && e.getContext() != null) {
                problem = e.getContext() + ", " + problem;
            }
            if (problem.startsWith(GLOBAL_TAG)) {
                throw new InvalidInputException(at(m), unsupportedTag(problem.substring(GLOBAL_TAG.length()).strip()));
            }
            throw new InvalidInputException(at(m), "YAML syntax error: " + problem.strip());
        } catch (YAMLException e) {
            throw new InvalidInputException(new Location(file, 1, 1), limitMessage(e.getMessage()));
        }
        if (root == null) {
            return new YamlScalar("", YamlScalar.Kind.NULL, null, true, new Location(file, 1, 1));
        }
        long size = size(root);
        if (size > MAX_EXPANDED_VALUES) {
            throw new InvalidInputException(at(root.getStartMark()), "the aliases in this file expand to "
                    + size + " values, more than the " + MAX_EXPANDED_VALUES + " allowed (a 'billion laughs' file?)");
        }
        return convert(root);
    }

    private String limitMessage(String snakeMessage) {
        String m = snakeMessage == null ? "" : snakeMessage;
        if (m.contains("aliases")) {
            return "more than " + MAX_ALIASES + " aliases to lists or mappings (a 'billion laughs' file?)";
        } else if (m.toLowerCase(java.util.Locale.ROOT).contains("depth")) {
            return "lists and mappings nested deeper than " + MAX_DEPTH + " levels";
        } else if (m.contains("code points")) {
            return "file is larger than " + MAX_FILE_BYTES + " characters";
        }
        return "YAML error: " + m;
    }

    /**
     * Values in the tree with every alias expanded, memoized per anchored node so counting stays linear.
     * Only an anchored node can be reached twice (an alias is its anchor's node) or be part of a cycle, so
     * only those are remembered: a 10,000-host inventory has half a million nodes, and keeping them all
     * in identity maps was a fifth of its reading time.
     */
    private long size(Node node) {
        if (node instanceof ScalarNode) {
            return 1;
        }
        boolean anchored = node.getAnchor() != null;
        Long known = anchored ? expandedSize.get(node) : null;
        if (known != null) {
            return known;
        }
        if (anchored && !inProgress.add(node)) {
            throw new InvalidInputException(at(node.getStartMark()), "an alias refers to a list or mapping that "
                    + "contains it (recursive alias)");
        }
        long total = 1;
        if (node instanceof SequenceNode seq) {
            for (Node child : seq.getValue()) {
                total = Math.min(Long.MAX_VALUE / 2, total + size(child));
            }
        } else if (node instanceof MappingNode map) {
            for (NodeTuple t : map.getValue()) {
                total = Math.min(Long.MAX_VALUE / 2, total + size(t.getKeyNode()) + size(t.getValueNode()));
            }
        }
        if (anchored) {
            inProgress.remove(node);
            expandedSize.put(node, total);
        }
        return total;
    }

    private YamlValue convert(Node node) {
        boolean anchored = node.getAnchor() != null;
        YamlValue done = anchored ? converted.get(node) : null;
        if (done != null) {
            return done;
        }
        YamlValue v = switch (node) {
            case ScalarNode s -> scalar(s);
            case SequenceNode seq -> sequence(seq);
            case MappingNode map -> mapping(map);
            default -> throw new InvalidInputException(at(node.getStartMark()), "unsupported YAML node");
        };
        if (anchored) {
            converted.put(node, v);
        }
        return v;
    }

    private YamlList sequence(SequenceNode seq) {
        requireTag(seq, Tag.SEQ);
        List<YamlValue> items = new ArrayList<>(seq.getValue().size());
        for (Node child : seq.getValue()) {
            items.add(convert(child));
        }
        return new YamlList(items, at(seq.getStartMark()));
    }

    private YamlMap mapping(MappingNode map) {
        requireTag(map, Tag.MAP);
        List<YamlMap.Member> explicit = new ArrayList<>();
        Map<String, Location> seen = new HashMap<>();
        List<YamlMap.Member> merged = new ArrayList<>();
        for (NodeTuple t : map.getValue()) {
            Node keyNode = t.getKeyNode();
            if (keyNode instanceof ScalarNode k && k.getTag().equals(Tag.MERGE)) {
                merged.addAll(mergeSource(t.getValueNode()));
                continue;
            }
            if (!(keyNode instanceof ScalarNode)) {
                throw new InvalidInputException(at(keyNode.getStartMark()), "a mapping key must be a plain value, "
                        + "found " + convert(keyNode).describe());
            }
            YamlScalar key = (YamlScalar) convert(keyNode);
            Location first = seen.putIfAbsent(key.text(), key.at());
            if (first != null) {
                throw new InvalidInputException(key.at(), "duplicate key '" + key.text() + "' (first defined at "
                        + first.line() + ":" + first.column() + ")");
            }
            explicit.add(new YamlMap.Member(key, convert(t.getValueNode())));
        }
        List<YamlMap.Member> members = new ArrayList<>(explicit);
        for (YamlMap.Member m : merged) {
            if (seen.putIfAbsent(m.name(), m.key().at()) == null) {
                members.add(m);
            }
        }
        return new YamlMap(members, at(map.getStartMark()));
    }

    /** {@code <<: *base} or {@code <<: [*a, *b]}: earlier sources win over later ones, as in YAML's merge spec. */
    private List<YamlMap.Member> mergeSource(Node value) {
        List<YamlMap.Member> out = new ArrayList<>();
        Set<String> have = new java.util.HashSet<>();
        List<Node> sources = value instanceof SequenceNode seq ? seq.getValue() : List.of(value);
        for (Node source : sources) {
            if (!(convert(source) instanceof YamlMap m)) {
                throw new InvalidInputException(at(source.getStartMark()), "a merge key '<<' takes a mapping or a "
                        + "list of mappings, found " + convert(source).describe());
            }
            for (YamlMap.Member member : m.members()) {
                if (have.add(member.name())) {
                    out.add(member);
                }
            }
        }
        return out;
    }

    private YamlScalar scalar(ScalarNode s) {
        Location at = at(s.getStartMark());
        String text = s.getValue();
        boolean plain = s.isPlain();
        Tag tag = s.getTag();
        if (tag.equals(Tag.STR) || tag.equals(UNSAFE)) {
            return new YamlScalar(text, YamlScalar.Kind.STRING, text, plain, at);
        } else if (tag.equals(VAULT)) {
            return new YamlScalar(text, YamlScalar.Kind.VAULT, new VaultValue(text, at), plain, at);
        } else if (tag.equals(Tag.BOOL)) {
            return new YamlScalar(text, YamlScalar.Kind.BOOLEAN, ScalarValues.bool(text), plain, at);
        } else if (tag.equals(Tag.NULL)) {
            return new YamlScalar(text, YamlScalar.Kind.NULL, null, plain, at);
        } else if (tag.equals(Tag.TIMESTAMP)) {
            return new YamlScalar(text, YamlScalar.Kind.TIMESTAMP, text, plain, at);
        } else if (tag.equals(Tag.INT)) {
            Number n = ScalarValues.integer(text).orElseThrow(() -> new InvalidInputException(at,
                    "'" + text + "' is tagged !!int but is not an integer"));
            return new YamlScalar(text, YamlScalar.Kind.INTEGER, n, plain, at);
        } else if (tag.equals(Tag.FLOAT)) {
            Double d = ScalarValues.floating(text).orElseThrow(() -> new InvalidInputException(at,
                    "'" + text + "' is tagged !!float but is not a number"));
            return new YamlScalar(text, YamlScalar.Kind.FLOAT, d, plain, at);
        }
        throw new InvalidInputException(at, unsupportedTag(tag.getValue()));
    }

    private void requireTag(Node node, Tag expected) {
        if (!node.getTag().equals(expected)) {
            throw new InvalidInputException(at(node.getStartMark()), unsupportedTag(node.getTag().getValue()));
        }
    }

    private static String unsupportedTag(String tag) {
        return "unsupported YAML tag '" + tag.replace(Tag.PREFIX, "!!") + "' (only !vault and the standard scalar tags "
                + "are read)";
    }

    private Location at(Mark m) {
        return m == null ? new Location(file, 1, 1) : new Location(file, m.getLine() + 1, m.getColumn() + 1);
    }
}
