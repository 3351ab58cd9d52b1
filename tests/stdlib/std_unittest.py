# unittest (CPython's own; it imports signal, now over krait's _signal): a
# suite with passes, failures, errors, skips, expected failures, subTests,
# setUp/tearDown and class fixtures, assertRaises/assertWarns/assertLogs
# and the assertion messages, run through TextTestRunner into a StringIO
# (timings masked) and through unittest.main(exit=False).
import io
import re
import sys
import unittest
import warnings


class Arithmetic(unittest.TestCase):
    log = []

    @classmethod
    def setUpClass(cls):
        cls.log.append("setUpClass")

    def setUp(self):
        self.value = 10

    def tearDown(self):
        self.log.append("tearDown " + self._testMethodName)

    def test_add(self):
        self.assertEqual(self.value + 5, 15)

    def test_fail_equal(self):
        self.assertEqual([1, 2, 3], [1, 2, 4])

    def test_fail_dict(self):
        self.assertDictEqual({"a": 1, "b": 2}, {"a": 1, "b": 3})

    def test_fail_multiline(self):
        self.assertEqual("one\ntwo\nthree\n", "one\nTWO\nthree\n")

    def test_error(self):
        {}["missing"]

    @unittest.skip("not today")
    def test_skipped(self):
        pass

    @unittest.expectedFailure
    def test_expected_failure(self):
        self.assertTrue(False)

    @unittest.expectedFailure
    def test_unexpected_success(self):
        pass

    def test_subtests(self):
        for i in range(4):
            with self.subTest(i=i):
                self.assertEqual(i % 2, 0)

    def test_raises(self):
        with self.assertRaises(ZeroDivisionError) as cm:
            1 / 0
        self.assertIn("division", str(cm.exception))
        self.assertRaisesRegex(ValueError, r"invalid literal", int, "x")
        with self.assertWarns(DeprecationWarning):
            warnings.warn("old", DeprecationWarning)

    def test_misc_asserts(self):
        self.assertAlmostEqual(0.1 + 0.2, 0.3)
        self.assertIsNone(None)
        self.assertIsInstance(3, int)
        self.assertCountEqual([1, 2, 2], [2, 1, 2])
        self.assertRegex("hello world", r"wor")
        self.assertGreater(3, 2)
        self.assertSequenceEqual((1, 2), [1, 2])

    def test_fail_message(self):
        self.assertTrue(0, "custom message")


class Other(unittest.TestCase):
    def test_logs(self):
        import logging
        with self.assertLogs("demo", level="INFO") as cm:
            logging.getLogger("demo").info("hello %s", "there")
        self.assertEqual(cm.output, ["INFO:demo:hello there"])

    def test_not_in(self):
        self.assertNotIn(3, [1, 2, 3])


def mask(text):
    text = re.sub(r"Ran (\d+) tests? in [\d.]+s", r"Ran \1 tests in Xs", text)
    return re.sub(r'File "[^"]*std_unittest.py"', 'File "std_unittest.py"', text)


loader = unittest.TestLoader()
suite = unittest.TestSuite([loader.loadTestsFromTestCase(Arithmetic),
                            loader.loadTestsFromTestCase(Other)])
print(suite.countTestCases(), loader.getTestCaseNames(Other))
stream = io.StringIO()
result = unittest.TextTestRunner(stream=stream, verbosity=2).run(suite)
print(mask(stream.getvalue()))
print(result.testsRun, len(result.failures), len(result.errors), len(result.skipped),
      len(result.expectedFailures), len(result.unexpectedSuccesses), result.wasSuccessful())
print(Arithmetic.log)

stream = io.StringIO()
prog = unittest.main(module="__main__", argv=["prog", "Other"], exit=False,
                     testRunner=unittest.TextTestRunner(stream=stream), defaultTest=None)
print(mask(stream.getvalue()), prog.result.wasSuccessful())
