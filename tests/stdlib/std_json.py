# json (the pure-Python scanner and encoder, both built on re): dumps with
# its options, loads of every value kind, errors with positions.
import json

doc = {"name": "krait", "v": [1, 2.5, -3e10, True, False, None], "nested": {"a": [], "b": {}},
       "esc": "quote\" back\\ nl\n tab\t uni\u00e9 \U0001F600 ctl\x01"}
print(json.dumps(doc))
print(json.dumps(doc, sort_keys=True, indent=2))
print(json.dumps(doc, ensure_ascii=False, separators=(',', ':')))
print(json.dumps([1, [2, [3]]], indent='\t'))
print(json.dumps({3: 'x', 1.5: 'y', None: 'z', True: 'w'}))
print(json.dumps(float('inf')), json.dumps(float('nan')), json.dumps(-0.0), json.dumps(1e300))
print(json.dumps('x', default=str), json.dumps({'s': {1, 2}} if False else {'k': 1}))
print(json.dumps({'d': object()}, default=lambda o: 'obj'))
for s in ['{"a": [1, 2, {"b": null}]}', '[1.0, 2e3, -0, 1E-2, 12345678901234567890]',
          '"\\u00e9\\ud83d\\ude00\\n\\/"', '  true ', 'false', 'null', '[]', '{}',
          '{"a": 1, "a": 2}', '"plain"', '[1, "two", [3.5]]', 'NaN', '-Infinity']:
    print(repr(json.loads(s)))
print(json.loads('{"a": 1.5, "b": 2}', parse_float=str, parse_int=lambda s: int(s) * 10))
print(json.loads('[{"x": 1}]', object_hook=lambda d: sorted(d.items())))
print(json.loads('{"x": 1, "y": 2}', object_pairs_hook=list))
for bad in ['', '[', '[1,]', '{"a" 1}', '{"a": }', '"abc', '[1 2]', 'tru', '{"a":1,}',
            '01', '[1]x', "{'a': 1}", '1.', '-']:
    try:
        json.loads(bad)
    except json.JSONDecodeError as e:
        print(repr(bad), '->', e.msg, e.pos, e.lineno, e.colno)
try:
    json.dumps({'d': object()})
except TypeError as e:
    print('TypeError', e)
print(json.loads(json.dumps(doc)) == doc)
