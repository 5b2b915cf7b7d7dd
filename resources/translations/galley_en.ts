<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>ChangesView</name>
    <message numerus="yes">
        <location filename="../../app/ui/changes_view.py" line="158" />
        <source>%n paragraphs changed, added or removed.</source>
        <translation>
            <numerusform>%n paragraph changed, added or removed.</numerusform>
            <numerusform>%n paragraphs changed, added or removed.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ListPanel</name>
    <message numerus="yes">
        <location filename="../../app/ui/list_panel.py" line="168" />
        <source>%n matching articles</source>
        <translation>
            <numerusform>%n matching article</numerusform>
            <numerusform>%n matching articles</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReviewQueue</name>
    <message numerus="yes">
        <location filename="../../app/ui/review_queue.py" line="92" />
        <source>%n open notes</source>
        <translation>
            <numerusform>%n open note</numerusform>
            <numerusform>%n open notes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/review_queue.py" line="94" />
        <source>%n checks fail</source>
        <translation>
            <numerusform>%n check fails</numerusform>
            <numerusform>%n checks fail</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/review_queue.py" line="119" />
        <source>%n articles wait for review, oldest first.</source>
        <translation>
            <numerusform>%n article waits for review.</numerusform>
            <numerusform>%n articles wait for review, oldest first.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SinceLookedBanner</name>
    <message numerus="yes">
        <location filename="../../app/ui/changes_view.py" line="208" />
        <source>Since you last looked (revision {seen}, {at}): %n new revisions by {who}.</source>
        <translation>
            <numerusform>Since you last looked (revision {seen}, {at}): %n new revision by {who}.</numerusform>
            <numerusform>Since you last looked (revision {seen}, {at}): %n new revisions by {who}.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StatusButton</name>
    <message numerus="yes">
        <location filename="../../app/ui/status_button.py" line="173" />
        <source>· %n open notes</source>
        <translation>
            <numerusform>· %n open note</numerusform>
            <numerusform>· %n open notes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Workspace</name>
    <message numerus="yes">
        <location filename="../../app/ui/workspace.py" line="467" />
        <source>%n errors</source>
        <translation>
            <numerusform>%n error</numerusform>
            <numerusform>%n errors</numerusform>
        </translation>
    </message>
</context>
</TS>