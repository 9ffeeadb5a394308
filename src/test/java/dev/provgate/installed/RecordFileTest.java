// SPDX-License-Identifier: Apache-2.0
package dev.provgate.installed;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class RecordFileTest {
    @Test
    void readsRowsWithTheirQuirks() {
        RecordFile.Parsed p = RecordFile.parse("pkg/__init__.py,sha256=abc,12\r\n"
                + "\"pkg/a,b.py\",sha256=def,3\n"
                + "\"pkg/say \"\"hi\"\".py\",sha256=ghi,4\n"
                + "pkg/__pycache__/__init__.cpython-312.pyc,,\n"
                + "../../../bin/tool,sha256=jkl,99\n"
                + "pkg\\win.py,sha384=mno,1\n"
                + "\n"
                + "pkg-1.0.dist-info/RECORD,,\n");
        assertEquals(List.of(
                new RecordFile.Entry("pkg/__init__.py", "sha256", "abc", 1),
                new RecordFile.Entry("pkg/a,b.py", "sha256", "def", 2),
                new RecordFile.Entry("pkg/say \"hi\".py", "sha256", "ghi", 3),
                new RecordFile.Entry("pkg/__pycache__/__init__.cpython-312.pyc", "", "", 4),
                new RecordFile.Entry("../../../bin/tool", "sha256", "jkl", 5),
                new RecordFile.Entry("pkg/win.py", "sha384", "mno", 6),
                new RecordFile.Entry("pkg-1.0.dist-info/RECORD", "", "", 8)), p.entries());
        assertEquals(List.of(), p.malformed());
    }

    @Test
    void malformedRowsAreReportedAndSkipped() {
        RecordFile.Parsed p = RecordFile.parse("a.py,sha256=x,1\n\"open,sha256=y,2\nb.py\nc.py,nodigest,1\n,,\n");
        assertEquals(List.of(new RecordFile.Entry("a.py", "sha256", "x", 1)), p.entries());
        assertEquals(List.of(2, 3, 4, 5), p.malformed().stream().map(RecordFile.Malformed::line).toList());
        assertEquals("hash 'nodigest' is not algorithm=digest", p.malformed().get(2).why());
    }
}
