"""A synthetic evaluation with many indicators, for speed benchmarks."""

from __future__ import annotations

from evaluation_model import Evaluation

LEVEL1 = ("决策", "过程", "产出", "效益")


def synthetic_evaluation(leaves: int = 300, style: str = "shangcheng") -> Evaluation:
    """4 一级, 二级 of 5 三级 each, `leaves` 三级 in all; weights add to 100 (two decimals)."""
    per_top = leaves // 4
    base = (25 * 100 // per_top) / 100  # two decimals; the last 三级 of each 一级 takes the remainder
    indicators = []
    for t, top in enumerate(LEVEL1):
        code = "ABCD"[t]
        children = []
        for m in range(per_top // 5):
            kids = []
            for k in range(5):
                n = m * 5 + k + 1
                weight = base if n < per_top else round(25 - base * (per_top - 1), 2)
                w = f"{weight:.2f}"
                s = f"{weight * (0.6 + 0.4 * ((n * 7) % 5) / 4):.2f}"
                kids.append({"code": f"{code}{m + 1}{k + 1:02d}", "name": f"{top}测试指标{n}号", "weight": w, "score": s,
                             "evidence": f"评价组核查了第{n}项资料，工作记录完整，相关台账齐全。"})  # fmt: skip
            children.append({"code": f"{code}{m + 1}", "name": f"{top}二级{m + 1}", "children": kids})
        indicators.append({"code": code, "name": top, "children": children})
    data = {
        "style": style,
        "project": {"name": "合成测试项目", "year": 2024, "region": "测试区", "unit": "测试单位", "department": "测试部门",
                    "organizer": "测试财政局", "evaluator": "测试机构", "period": "2025年", "report_date": "2025年1月1日"},
        "background": ["合成背景。"],
        "goals": {"overall": "总目标。", "annual": "年度目标。"},
        "funding": {"unit": "万元", "budget": "1000", "received": "1000", "spent": "950.5"},
        "indicators": indicators,
    }  # fmt: skip
    return Evaluation.model_validate(data)
