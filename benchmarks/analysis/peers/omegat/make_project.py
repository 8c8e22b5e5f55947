#!/usr/bin/env python3
"""Make an OmegaT project: source/queries.po from a JSONL of segments, tm/ with the TMX.
Usage: make_project.py QUERIES.jsonl TM.tmx PROJECT_DIR"""
import json, os, shutil, sys
queries, tm, project = sys.argv[1:4]
for d in ("source", "target", "tm", "glossary", "dictionary", "omegat"):
    os.makedirs(os.path.join(project, d), exist_ok=True)
shutil.copy(tm, os.path.join(project, "tm", os.path.basename(tm)))
def q(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\t", "\\t") + '"'
with open(os.path.join(project, "source", "queries.po"), "w", encoding="utf-8") as f:
    f.write('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n')
    for line in open(queries, encoding="utf-8"):
        item = json.loads(line)
        f.write(f"msgctxt {q(item['id'])}\nmsgid {q(item['source'])}\nmsgstr \"\"\n\n")
with open(os.path.join(project, "omegat.project"), "w", encoding="utf-8") as f:
    f.write("""<?xml version="1.0" encoding="UTF-8" standalone="no"?>
<omegat>
  <project version="1.0">
    <source_dir>__DEFAULT__</source_dir>
    <source_dir_excludes/>
    <target_dir>__DEFAULT__</target_dir>
    <tm_dir>__DEFAULT__</tm_dir>
    <glossary_dir>__DEFAULT__</glossary_dir>
    <glossary_file>__DEFAULT__</glossary_file>
    <dictionary_dir>__DEFAULT__</dictionary_dir>
    <source_lang>EN</source_lang>
    <target_lang>FR</target_lang>
    <source_tok>org.omegat.tokenizer.DefaultTokenizer</source_tok>
    <target_tok>org.omegat.tokenizer.DefaultTokenizer</target_tok>
    <sentence_seg>false</sentence_seg>
    <support_default_translations>true</support_default_translations>
    <remove_tags>false</remove_tags>
  </project>
</omegat>
""")
