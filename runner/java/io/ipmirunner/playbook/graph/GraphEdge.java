package io.ipmirunner.playbook.graph;

/** A directed edge between node ids. */
public record GraphEdge(int from, int to, EdgeKind kind) {}
