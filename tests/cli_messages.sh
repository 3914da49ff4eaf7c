#!/bin/sh
# Messages follow the locale: English by default, Chinese under zh_CN / zh_TW.
set -u
tool=$1
fail=0
en=$(LC_ALL=C "$tool" --no-such-option 2>&1 >/dev/null)
cn=$(LC_ALL=zh_CN.UTF-8 "$tool" --no-such-option 2>&1 >/dev/null)
tw=$(LC_ALL=zh_TW.UTF-8 "$tool" --no-such-option 2>&1 >/dev/null)
echo "C:     $en"
echo "zh_CN: $cn"
echo "zh_TW: $tw"
case "$en" in *"unknown option"*) ;; *) echo "FAIL: English message"; fail=1 ;; esac
case "$cn" in *"未知选项"*) ;; *) echo "FAIL: no Simplified Chinese message"; fail=1 ;; esac
case "$tw" in *"未知選項"*) ;; *) echo "FAIL: no Traditional Chinese message"; fail=1 ;; esac
help=$(LC_ALL=zh_CN.UTF-8 "$tool" --help)
case "$help" in *"用法"*) ;; *) echo "FAIL: --help not translated"; fail=1 ;; esac
exit $fail
