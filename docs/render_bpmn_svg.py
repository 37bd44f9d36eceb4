#!/usr/bin/env python3
"""Draws a BPMN file's diagram (its BPMN DI, as Camunda Modeler lays it out) as SVG.

    python3 docs/render_bpmn_svg.py processes/complaint-handling.bpmn docs/complaint-handling.svg

For the docs pages; Camunda Modeler's "Export as image" gives the same picture by hand.
"""
import sys
import xml.etree.ElementTree as ET
from xml.sax.saxutils import escape

NS = {
    'bpmn': 'http://www.omg.org/spec/BPMN/20100524/MODEL',
    'bpmndi': 'http://www.omg.org/spec/BPMN/20100524/DI',
    'dc': 'http://www.omg.org/spec/DD/20100524/DC',
    'di': 'http://www.omg.org/spec/DD/20100524/DI',
}
TASKS = {'userTask': '\U0001F464', 'serviceTask': '\u2699', 'businessRuleTask': '\u25A6',
         'callActivity': '\u2192', 'sendTask': '\u2709', 'receiveTask': '\u2709', 'task': ''}
GATEWAYS = {'exclusiveGateway': '\u00D7', 'parallelGateway': '+', 'inclusiveGateway': '\u25CB'}


def wrap(text, width):
    words, lines, line = text.split(), [], ''
    for word in words:
        if len(line) + len(word) + 1 > width and line:
            lines.append(line)
            line = word
        else:
            line = (line + ' ' + word).strip()
    return lines + ([line] if line else [])


def text_block(x, y, lines, size=11, anchor='middle'):
    out = []
    for i, line in enumerate(lines):
        out.append(f'<text x="{x}" y="{y + i * (size + 2)}" font-size="{size}" '
                   f'text-anchor="{anchor}">{escape(line)}</text>')
    return ''.join(out)


def main(source, target):
    root = ET.parse(source).getroot()
    elements = {e.get('id'): e for e in root.iter() if e.get('id')}
    containers, shapes, edges = [], [], []
    xs, ys = [], []
    for shape in root.iter('{%s}BPMNShape' % NS['bpmndi']):
        b = shape.find('dc:Bounds', NS)
        x, y, w, h = (float(b.get(k)) for k in ('x', 'y', 'width', 'height'))
        xs += [x, x + w]
        ys += [y, y + h]
        element = elements.get(shape.get('bpmnElement'))
        kind = element.tag.split('}')[1]
        name = element.get('name') or ''
        if kind == 'subProcess':
            containers.append(f'<rect x="{x}" y="{y}" width="{w}" height="{h}" rx="10" '
                             f'fill="#fafafa" stroke="#333" stroke-width="1.5"'
                             + (' stroke-dasharray="6,4"/>' if element.get('triggeredByEvent') == 'true'
                                else '/>')
                             + text_block(x + 10, y + 18, [name], 12, 'start'))
        elif kind in TASKS:
            shapes.append(f'<rect x="{x}" y="{y}" width="{w}" height="{h}" rx="10" fill="#fff" '
                          f'stroke="#333" stroke-width="1.5"/>'
                          f'<text x="{x + 6}" y="{y + 14}" font-size="11">{TASKS[kind]}</text>'
                          + text_block(x + w / 2, y + h / 2 - 6, wrap(name, 18)))
        elif kind in GATEWAYS:
            cx, cy = x + w / 2, y + h / 2
            shapes.append(f'<polygon points="{cx},{y} {x + w},{cy} {cx},{y + h} {x},{cy}" '
                          f'fill="#fff" stroke="#333" stroke-width="1.5"/>'
                          f'<text x="{cx}" y="{cy + 5}" font-size="16" text-anchor="middle">'
                          f'{GATEWAYS[kind]}</text>' + text_block(cx, y + h + 14, wrap(name, 20), 10))
        else:
            cx, cy, r = x + w / 2, y + h / 2, w / 2
            end = kind == 'endEvent'
            timer = element.find('bpmn:timerEventDefinition', NS) is not None
            dashed = ' stroke-dasharray="4,3"' if element.get('cancelActivity') == 'false' else ''
            shapes.append(f'<circle cx="{cx}" cy="{cy}" r="{r}" fill="#fff" stroke="#333" '
                          f'stroke-width="{3.5 if end else 1.5}"{dashed}/>'
                          + (f'<circle cx="{cx}" cy="{cy}" r="{r - 4}" fill="none" stroke="#333"'
                             f'{dashed}/><text x="{cx}" y="{cy + 5}" font-size="13" '
                             f'text-anchor="middle">\u23F1</text>' if timer else '')
                          + text_block(cx, y + h + 14, wrap(name, 20), 10))
    for edge in root.iter('{%s}BPMNEdge' % NS['bpmndi']):
        points = [(float(p.get('x')), float(p.get('y'))) for p in edge.findall('di:waypoint', NS)]
        xs.extend(x for x, _ in points)
        ys.extend(y for _, y in points)
        flow = elements.get(edge.get('bpmnElement'))
        path = ' '.join(f'{x},{y}' for x, y in points)
        edges.append(f'<polyline points="{path}" fill="none" stroke="#555" stroke-width="1.2" '
                     f'marker-end="url(#arrow)"/>')
        if flow is not None and flow.get('name'):
            (x1, y1), (x2, y2) = points[0], points[1]
            edges.append(text_block((x1 + x2) / 2 + 4, (y1 + y2) / 2 - 4, [flow.get('name')], 10,
                                    'start'))
    minx, miny, maxx, maxy = min(xs) - 50, min(ys) - 40, max(xs) + 40, max(ys) + 60
    svg = (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="{minx} {miny} {maxx - minx} '
           f'{maxy - miny}" width="{maxx - minx}" height="{maxy - miny}" '
           f'font-family="Arial, sans-serif">'
           '<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" '
           'markerHeight="7" orient="auto-start-reverse"><path d="M 0 0 L 10 5 L 0 10 z" '
           'fill="#555"/></marker></defs>'
           f'<rect x="{minx}" y="{miny}" width="{maxx - minx}" height="{maxy - miny}" '
           'fill="#fff"/>' + ''.join(containers) + ''.join(edges) + ''.join(shapes)
           + '</svg>\n')
    with open(target, 'w', encoding='utf-8') as out:
        out.write(svg)


if __name__ == '__main__':
    main(sys.argv[1], sys.argv[2])
