<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>ActionPanel</name>
    <message>
        <source>Resolve</source>
        <translation>办结</translation>
    </message>
    <message>
        <source>Refer to a unit</source>
        <translation>转办</translation>
    </message>
    <message>
        <source>Escalate</source>
        <translation>上报</translation>
    </message>
    <message>
        <source>Add a note</source>
        <translation>添加跟进</translation>
    </message>
    <message>
        <source>What next?</source>
        <translation>下一步怎么办？</translation>
    </message>
    <message>
        <source>Closed. You can still add a note.</source>
        <translation>已办结，仍可添加跟进记录。</translation>
    </message>
    <message>
        <source>Tap what you want to do with this inquiry.</source>
        <translation>请点选要对这条咨询做什么。</translation>
    </message>
    <message>
        <source>What was done (optional; replaces the answer)</source>
        <translation>处理结果（选填，会替换原答复）</translation>
    </message>
    <message>
        <source>Mark as resolved</source>
        <translation>确认办结</translation>
    </message>
    <message>
        <source>Unit it goes to</source>
        <translation>转办给哪个单位</translation>
    </message>
    <message>
        <source>Unit&apos;s phone (optional)</source>
        <translation>单位电话（选填）</translation>
    </message>
    <message>
        <source>Refer</source>
        <translation>确认转办</translation>
    </message>
    <message>
        <source>Raise it to</source>
        <translation>上报到</translation>
    </message>
    <message>
        <source>For matters the station cannot settle alone. The meeting takes it up; the inquiry stays open.</source>
        <translation>驿站自己解决不了的事项才上报。由会议协调处理，咨询单保持未办结。</translation>
    </message>
    <message>
        <source>Follow-up note</source>
        <translation>跟进内容</translation>
    </message>
    <message>
        <source>Add note</source>
        <translation>保存跟进记录</translation>
    </message>
</context>
<context>
    <name>CandidateCard</name>
    <message>
        <source>Same kind</source>
        <translation>类别相同</translation>
    </message>
    <message>
        <source>Same colour</source>
        <translation>颜色相同</translation>
    </message>
    <message>
        <source>Place close by</source>
        <translation>地点相近</translation>
    </message>
    <message>
        <source>Time fits</source>
        <translation>时间吻合</translation>
    </message>
    <message>
        <source>Similar description</source>
        <translation>描述相似</translation>
    </message>
    <message>
        <source>{score} points</source>
        <translation>{score}分</translation>
    </message>
    <message>
        <source>Give this item back…</source>
        <translation>归还此物品…</translation>
    </message>
    <message>
        <source>Return to this visitor…</source>
        <translation>归还给这位游客…</translation>
    </message>
    <message>
        <source>This item is no longer held.</source>
        <translation>此物品已不在保管中。</translation>
    </message>
    <message>
        <source>The item is kept at station {code}: ask them to call the visitor.</source>
        <translation>物品保管在{code}站点：请该站联系游客。</translation>
    </message>
</context>
<context>
    <name>CheckInPanel</name>
    <message>
        <source>Check in</source>
        <translation>签到</translation>
    </message>
    <message>
        <source>Post for scanned badges:</source>
        <translation>扫胸卡签到的点位：</translation>
    </message>
    <message>
        <source>Scan a badge to check in at this post, or find a name below and tap it.</source>
        <translation>扫描胸卡即可在此点位签到；也可以在下面找到姓名，点一下。</translation>
    </message>
    <message>
        <source>Name or badge code</source>
        <translation>姓名或胸卡编号</translation>
    </message>
</context>
<context>
    <name>ColourPicker</name>
    <message>
        <source>Black</source>
        <translation>黑色</translation>
    </message>
    <message>
        <source>White</source>
        <translation>白色</translation>
    </message>
    <message>
        <source>Red</source>
        <translation>红色</translation>
    </message>
    <message>
        <source>Blue</source>
        <translation>蓝色</translation>
    </message>
    <message>
        <source>Green</source>
        <translation>绿色</translation>
    </message>
    <message>
        <source>Yellow</source>
        <translation>黄色</translation>
    </message>
    <message>
        <source>Grey</source>
        <translation>灰色</translation>
    </message>
    <message>
        <source>Brown</source>
        <translation>棕色</translation>
    </message>
    <message>
        <source>Pink</source>
        <translation>粉色</translation>
    </message>
    <message>
        <source>Purple</source>
        <translation>紫色</translation>
    </message>
    <message>
        <source>Silver</source>
        <translation>银色</translation>
    </message>
    <message>
        <source>Gold</source>
        <translation>金色</translation>
    </message>
    <message>
        <source>Another colour: type it here</source>
        <translation>其他颜色：请在此输入</translation>
    </message>
</context>
<context>
    <name>DamagedScreen</name>
    <message>
        <source>Red Post Station: the data file is damaged</source>
        <translation>红驿站：数据文件已损坏</translation>
    </message>
    <message>
        <source>The data file is damaged</source>
        <translation>数据文件已损坏</translation>
    </message>
    <message>
        <source>To protect the records, this kiosk writes nothing until a backup is restored. The damaged file is kept aside, not deleted.</source>
        <translation>为保护已有记录，恢复备份之前本机不再写入任何数据。损坏的文件会另行保存，不会删除。</translation>
    </message>
    <message>
        <source>What SQLite reports: %1</source>
        <translation>数据库报告：%1</translation>
    </message>
    <message>
        <source>No good backup was found. Call the county office for help.</source>
        <translation>没有找到完好的备份。请联系县联盟办公室协助。</translation>
    </message>
    <message>
        <source>Newest good backup: taken %1</source>
        <translation>最新的完好备份：%1 备份</translation>
    </message>
    <message>
        <source>Records entered after the backup and not synced are not in it. After restoring, run the end-of-day sync: it checks central again.</source>
        <translation>备份之后录入且尚未同步的记录不在备份中。恢复后请进行日终同步，系统会重新核对中心数据。</translation>
    </message>
    <message>
        <source>Restoring… please wait</source>
        <translation>正在恢复，请稍候…</translation>
    </message>
    <message>
        <source>Restore from backup</source>
        <translation>从备份恢复</translation>
    </message>
    <message>
        <source>A station lead&apos;s PIN, to restore</source>
        <translation>恢复需要站长 PIN</translation>
    </message>
    <message>
        <source>Central holds nothing from this kiosk yet: it has never synced.</source>
        <translation>本机从未同步，中心还没有本机的记录。</translation>
    </message>
    <message>
        <source>Central holds this kiosk&apos;s records at least up to the sync of %1.</source>
        <translation>中心至少已保存本机 %1 同步之前的记录。</translation>
    </message>
    <message>
        <source>Central holds this kiosk&apos;s records up to the last sync, at %1.</source>
        <translation>中心已保存本机截至上次同步（%1）的记录。</translation>
    </message>
    <message>
        <source>The backup could not be restored: %1</source>
        <translation>备份未能恢复：%1</translation>
    </message>
</context>
<context>
    <name>DueItemsModel</name>
    <message>
        <source>Item no.</source>
        <translation>物品编号</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>描述</translation>
    </message>
    <message>
        <source>Found</source>
        <translation>拾获时间</translation>
    </message>
    <message>
        <source>Kept at</source>
        <translation>存放位置</translation>
    </message>
    <message>
        <source>Due since</source>
        <translation>到期日</translation>
    </message>
</context>
<context>
    <name>FoundItemForm</name>
    <message>
        <source>Saved as item {number}. Write this number on the item&apos;s tag.</source>
        <translation>已登记，物品编号 {number}。请把编号写在物品标签上。</translation>
    </message>
    <message>
        <source>What kind of item?</source>
        <translation>物品类别</translation>
    </message>
    <message>
        <source>What does it look like? (brand, contents, marks)</source>
        <translation>物品描述（品牌、内含物品、特征）</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>颜色</translation>
    </message>
    <message>
        <source>Where was it found?</source>
        <translation>拾获地点</translation>
    </message>
    <message>
        <source>When was it found?</source>
        <translation>拾获时间</translation>
    </message>
    <message>
        <source>Where is it kept now? (optional)</source>
        <translation>存放位置（选填）</translation>
    </message>
    <message>
        <source>Finder&apos;s name (optional)</source>
        <translation>拾获人姓名（选填）</translation>
    </message>
    <message>
        <source>Finder&apos;s phone (optional)</source>
        <translation>拾获人电话（选填）</translation>
    </message>
    <message>
        <source>e.g. cabinet 2, top shelf</source>
        <translation>例如：2号柜上层</translation>
    </message>
    <message>
        <source>Save found item</source>
        <translation>保存拾获登记</translation>
    </message>
    <message>
        <source>Print tag</source>
        <translation>打印标签</translation>
    </message>
    <message>
        <source>Clear form</source>
        <translation>清空</translation>
    </message>
</context>
<context>
    <name>FoundItemsModel</name>
    <message>
        <source>Item no.</source>
        <translation>物品编号</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>描述</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>颜色</translation>
    </message>
    <message>
        <source>Found at</source>
        <translation>拾获地点</translation>
    </message>
    <message>
        <source>Found</source>
        <translation>拾获时间</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Station</source>
        <translation>站点</translation>
    </message>
</context>
<context>
    <name>HandoverPage</name>
    <message>
        <source>Hand over {count} items to {unit}, received by {officer}?</source>
        <translation>确定将 {count} 件物品移交{unit}，由{officer}接收？</translation>
    </message>
    <message>
        <source>Handed over: {count} items, record {number}.</source>
        <translation>已移交 {count} 件物品，移交单号 {number}。</translation>
    </message>
    <message>
        <source>No item is due for hand-over.</source>
        <translation>暂无到期需移交的物品。</translation>
    </message>
    <message>
        <source>{chosen} of {total} items chosen</source>
        <translation>已选 {chosen} / {total} 件</translation>
    </message>
    <message>
        <source>Items nobody claimed within their keeping period go to the police. Tap the items you hand over, then fill in who receives them.</source>
        <translation>保管期内无人认领的物品须移交公安。请点选要移交的物品，再填写接收单位和民警。</translation>
    </message>
    <message>
        <source>Items due for hand-over</source>
        <translation>到期待移交物品</translation>
    </message>
    <message>
        <source>Police unit receiving them</source>
        <translation>接收派出所</translation>
    </message>
    <message>
        <source>Receiving officer</source>
        <translation>接收民警</translation>
    </message>
    <message>
        <source>e.g. the town police station</source>
        <translation>例如：恩江派出所</translation>
    </message>
    <message>
        <source>Choose all</source>
        <translation>全选</translation>
    </message>
    <message>
        <source>Choose none</source>
        <translation>全不选</translation>
    </message>
    <message>
        <source>Hand over…</source>
        <translation>移交…</translation>
    </message>
    <message>
        <source>This cannot be undone: the items leave the station&apos;s care.</source>
        <translation>移交后不可撤销：物品将不再由本站保管。</translation>
    </message>
    <message>
        <source>Go back</source>
        <translation>返回</translation>
    </message>
    <message>
        <source>Yes, hand them over</source>
        <translation>确认移交</translation>
    </message>
    <message>
        <source>Print hand-over list</source>
        <translation>打印移交清单</translation>
    </message>
</context>
<context>
    <name>Header</name>
    <message>
        <source>Lock / Sign out</source>
        <translation>锁屏 / 退出</translation>
    </message>
    <message>
        <source>{name} (lead)</source>
        <translation>{name}（站长）</translation>
    </message>
    <message numerus="yes">
        <source>On duty: %n</source>
        <translation>
            <numerusform>在岗：%n 人</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Waiting for sync: %n</source>
        <translation>
            <numerusform>待同步：%n 条</numerusform>
        </translation>
    </message>
    <message>
        <source>Last sync: {time}</source>
        <translation>上次同步：{time}</translation>
    </message>
    <message>
        <source>Never synced</source>
        <translation>从未同步</translation>
    </message>
</context>
<context>
    <name>HoursModel</name>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Badge</source>
        <translation>胸卡</translation>
    </message>
    <message>
        <source>Shifts</source>
        <translation>班次</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>时长（小时）</translation>
    </message>
</context>
<context>
    <name>HoursPanel</name>
    <message>
        <source>Hours served on {day}</source>
        <translation>{day} 服务时长</translation>
    </message>
    <message>
        <source>hours in total</source>
        <translation>小时（合计）</translation>
    </message>
    <message>
        <source>volunteers</source>
        <translation>人</translation>
    </message>
    <message>
        <source>shifts</source>
        <translation>班次</translation>
    </message>
    <message>
        <source>Shifts that began today count; people still on duty are counted up to now.</source>
        <translation>统计今天签到的班次；仍在岗的志愿者计算到现在。</translation>
    </message>
</context>
<context>
    <name>InquiryDesk</name>
    <message>
        <source>Visitor inquiries</source>
        <translation>游客咨询</translation>
    </message>
</context>
<context>
    <name>InquiryDetail</name>
    <message>
        <source>Inquiry {ticket}</source>
        <translation>咨询单 {ticket}</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Print slip</source>
        <translation>打印</translation>
    </message>
    <message>
        <source>Resolved. Thank you!</source>
        <translation>已办结，辛苦了！</translation>
    </message>
    <message>
        <source>Referred to {unit}.</source>
        <translation>已转办给{unit}。</translation>
    </message>
    <message>
        <source>Escalated to: {meeting}.</source>
        <translation>已上报：{meeting}。</translation>
    </message>
    <message>
        <source>Note added.</source>
        <translation>已添加跟进记录。</translation>
    </message>
</context>
<context>
    <name>InquiryFacts</name>
    <message>
        <source>Logged</source>
        <translation>登记时间</translation>
    </message>
    <message>
        <source>About</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>答复</translation>
    </message>
    <message>
        <source>Visitor</source>
        <translation>游客</translation>
    </message>
    <message>
        <source>Handled by</source>
        <translation>经办人</translation>
    </message>
    <message>
        <source>Referred to</source>
        <translation>转办单位</translation>
    </message>
    <message>
        <source>Escalated to</source>
        <translation>上报至</translation>
    </message>
    <message>
        <source>Follow-up history</source>
        <translation>跟进记录</translation>
    </message>
    <message>
        <source>No follow-ups yet.</source>
        <translation>还没有跟进记录。</translation>
    </message>
    <message>
        <source>{logged}, resolved {closed}</source>
        <translation>{logged}，{closed} 办结</translation>
    </message>
</context>
<context>
    <name>InquiryForm</name>
    <message>
        <source>New inquiry</source>
        <translation>新咨询</translation>
    </message>
    <message>
        <source>What is it about?</source>
        <translation>咨询什么？</translation>
    </message>
    <message>
        <source>Quick answers: one tap fills in question and answer</source>
        <translation>常见问题：点一下自动填好问题和答复</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>What the visitor asked, in a few words</source>
        <translation>游客问了什么，简单写几个字</translation>
    </message>
    <message>
        <source>Answer or help given</source>
        <translation>答复或提供的帮助</translation>
    </message>
    <message>
        <source>Visitor&apos;s name (optional)</source>
        <translation>游客姓名（选填）</translation>
    </message>
    <message>
        <source>Visitor&apos;s phone (optional)</source>
        <translation>游客电话（选填）</translation>
    </message>
    <message>
        <source>Only so we can call the visitor back about this matter. Leave empty if not needed.</source>
        <translation>只用于就此事回电告知游客；不需要回电可不填。</translation>
    </message>
    <message>
        <source>Handled by (optional; tap again to clear)</source>
        <translation>经办志愿者（选填，再点一下取消）</translation>
    </message>
    <message>
        <source>Nobody is checked in right now.</source>
        <translation>现在没有人签到。</translation>
    </message>
    <message>
        <source>Resolved on the spot</source>
        <translation>当场解决</translation>
    </message>
    <message>
        <source>Save, follow up later</source>
        <translation>保存，稍后跟进</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清空</translation>
    </message>
    <message>
        <source>Saved {ticket}</source>
        <translation>已保存 {ticket}</translation>
    </message>
    <message>
        <source>Print slip</source>
        <translation>打印</translation>
    </message>
    <message>
        <source>Choose what it is about to see the quick answers.</source>
        <translation>先选咨询类别，这里会显示常见问题。</translation>
    </message>
    <message>
        <source>No quick answers for this yet: type the question and answer.</source>
        <translation>这一类还没有常见问题，请填写问题和答复。</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
</context>
<context>
    <name>InquiryTableModel</name>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>单号</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
</context>
<context>
    <name>LeadDesk</name>
    <message>
        <source>Audit trail</source>
        <translation>操作记录</translation>
    </message>
    <message>
        <source>Personal data</source>
        <translation>个人信息</translation>
    </message>
    <message>
        <source>People and PINs</source>
        <translation>人员与 PIN</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Lead</source>
        <translation>站长管理</translation>
    </message>
</context>
<context>
    <name>LostFoundDesk</name>
    <message>
        <source>Register found item</source>
        <translation>登记拾获</translation>
    </message>
    <message>
        <source>Report lost item</source>
        <translation>失物登记</translation>
    </message>
    <message>
        <source>Search and match</source>
        <translation>查找与匹配</translation>
    </message>
    <message>
        <source>Lost and found</source>
        <translation>失物招领</translation>
    </message>
    <message>
        <source>Due for police ({count})</source>
        <translation>待移交公安（{count}）</translation>
    </message>
    <message>
        <source>Due for police</source>
        <translation>待移交公安</translation>
    </message>
</context>
<context>
    <name>LostReportForm</name>
    <message>
        <source>Saved as report {number}. We will call {name} when it turns up.</source>
        <translation>已登记，编号 {number}。找到后将联系{name}。</translation>
    </message>
    <message>
        <source>What kind of item?</source>
        <translation>物品类别</translation>
    </message>
    <message>
        <source>What was lost? (brand, contents, marks)</source>
        <translation>丢失物品描述（品牌、内含物品、特征）</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>颜色</translation>
    </message>
    <message>
        <source>Where was it lost?</source>
        <translation>遗失地点</translation>
    </message>
    <message>
        <source>When was it lost?</source>
        <translation>遗失时间</translation>
    </message>
    <message>
        <source>Visitor&apos;s name</source>
        <translation>游客姓名</translation>
    </message>
    <message>
        <source>Visitor&apos;s phone</source>
        <translation>游客电话</translation>
    </message>
    <message>
        <source>e.g. 13812345678</source>
        <translation>例如：13812345678</translation>
    </message>
    <message>
        <source>See possible matches</source>
        <translation>查看可能匹配</translation>
    </message>
    <message>
        <source>Save lost report</source>
        <translation>保存失物登记</translation>
    </message>
    <message>
        <source>Print receipt</source>
        <translation>打印回执</translation>
    </message>
    <message>
        <source>Clear form</source>
        <translation>清空</translation>
    </message>
</context>
<context>
    <name>LostReportsModel</name>
    <message>
        <source>Report no.</source>
        <translation>登记编号</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>描述</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>颜色</translation>
    </message>
    <message>
        <source>Lost at</source>
        <translation>遗失地点</translation>
    </message>
    <message>
        <source>Lost</source>
        <translation>遗失时间</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Station</source>
        <translation>站点</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Unsaved changes</source>
        <translation>尚未保存</translation>
    </message>
    <message>
        <source>What you typed here has not been saved. Throw it away?</source>
        <translation>这里填写的内容还没有保存，要放弃吗？</translation>
    </message>
    <message>
        <source>Sorry</source>
        <translation>抱歉</translation>
    </message>
    <message>
        <source>Something went wrong and the action was not completed. Nothing was lost. Please try again; if it happens again, tell the station lead.</source>
        <translation>出了点问题，刚才的操作没有完成，已有的记录都没有丢失。请再试一次；如果再次出现，请告诉站长。</translation>
    </message>
    <message>
        <source>Cannot do that</source>
        <translation>无法办理</translation>
    </message>
    <message>
        <source>Red Post Station</source>
        <translation>红驿站</translation>
    </message>
</context>
<context>
    <name>MatchesView</name>
    <message>
        <source>Looking for matches…</source>
        <translation>正在查找匹配…</translation>
    </message>
    <message>
        <source>No likely matches yet.</source>
        <translation>暂无可能匹配。</translation>
    </message>
    <message>
        <source>Lost report</source>
        <translation>失物登记</translation>
    </message>
    <message>
        <source>Found items that may be it</source>
        <translation>可能匹配的拾获物品</translation>
    </message>
    <message>
        <source>Found item</source>
        <translation>拾获物品</translation>
    </message>
    <message>
        <source>Lost reports it may answer</source>
        <translation>可能相关的失物登记</translation>
    </message>
    <message>
        <source>Return to the owner…</source>
        <translation>归还失主…</translation>
    </message>
    <message>
        <source>Print receipt</source>
        <translation>打印回执</translation>
    </message>
    <message>
        <source>Print return receipt</source>
        <translation>打印归还回执</translation>
    </message>
    <message>
        <source>Print hand-over list</source>
        <translation>打印移交清单</translation>
    </message>
    <message>
        <source>Print tag</source>
        <translation>打印标签</translation>
    </message>
</context>
<context>
    <name>NewVolunteerForm</name>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <source>New volunteer</source>
        <translation>新增志愿者</translation>
    </message>
    <message>
        <source>Put a new volunteer on the roster. The badge code can be scanned into its box.</source>
        <translation>把新志愿者登记到名册。胸卡编号可以直接扫码填入。</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Badge code (for example YF-0031)</source>
        <translation>胸卡编号（例如 YF-0031）</translation>
    </message>
    <message>
        <source>Phone (optional)</source>
        <translation>电话（选填）</translation>
    </message>
    <message>
        <source>Team (optional)</source>
        <translation>队伍（选填）</translation>
    </message>
    <message>
        <source>Party member</source>
        <translation>党员</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清空</translation>
    </message>
</context>
<context>
    <name>OnDutyBoard</name>
    <message numerus="yes">
        <source>On duty now: %n</source>
        <translation>
            <numerusform>在岗志愿者：%n 人</numerusform>
        </translation>
    </message>
    <message>
        <source>Nobody is checked in. Scan a badge or find a name on the right.</source>
        <translation>目前没有人签到。请扫描胸卡，或在右边找到姓名。</translation>
    </message>
</context>
<context>
    <name>OutcomeView</name>
    <message>
        <source>sent to central</source>
        <translation>条已上传到中心</translation>
    </message>
    <message>
        <source>received from central</source>
        <translation>条从中心下载</translation>
    </message>
    <message>
        <source>conflicts</source>
        <translation>条冲突</translation>
    </message>
    <message>
        <source>parked (not accepted)</source>
        <translation>条暂缓（中心未接收）</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录类型</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>已上传</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>已下载</translation>
    </message>
    <message>
        <source>Conflict</source>
        <translation>冲突</translation>
    </message>
    <message>
        <source>Parked</source>
        <translation>暂缓</translation>
    </message>
    <message>
        <source>Check: {kind} — this kiosk {kiosk}, central {central}; sent again next time.</source>
        <translation>核对不一致：{kind} 本站 {kiosk} 条，中心 {central} 条；下次同步将重新上传。</translation>
    </message>
    <message>
        <source>Central was restored from a backup: every record was sent again.</source>
        <translation>中心数据库已从备份恢复：本站全部记录已重新上传。</translation>
    </message>
    <message numerus="yes">
        <source>Rows not listed here: %n.</source>
        <translation>
            <numerusform>另有 %n 条未列出。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PeoplePage</name>
    <message>
        <source>Lead</source>
        <translation>站长</translation>
    </message>
    <message>
        <source>Volunteer</source>
        <translation>志愿者</translation>
    </message>
    <message>
        <source>No PIN</source>
        <translation>未设 PIN</translation>
    </message>
    <message>
        <source> (locked until {time})</source>
        <translation>（锁定至 {time}）</translation>
    </message>
    <message>
        <source>Take away {name}&apos;s PIN? They can no longer sign in at this kiosk until a lead sets a new one.</source>
        <translation>取消{name}的 PIN？取消后，在站长重新设置之前，此人不能在本机登录。</translation>
    </message>
    <message>
        <source>Take the PIN away</source>
        <translation>取消 PIN</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>不取消</translation>
    </message>
    <message>
        <source>Saved: {name}.</source>
        <translation>已保存：{name}。</translation>
    </message>
    <message>
        <source>New PIN (4 to 6 digits)</source>
        <translation>新 PIN（4 到 6 位数字）</translation>
    </message>
    <message>
        <source>The new PIN again</source>
        <translation>再输入一次新 PIN</translation>
    </message>
    <message>
        <source>Set PIN</source>
        <translation>设置 PIN</translation>
    </message>
    <message>
        <source>Take the PIN away…</source>
        <translation>取消 PIN…</translation>
    </message>
    <message>
        <source>Choose a person in the list</source>
        <translation>请在左侧名单中选择人员</translation>
    </message>
    <message>
        <source>Make lead</source>
        <translation>设为站长</translation>
    </message>
    <message>
        <source>Role: {role}</source>
        <translation>角色：{role}</translation>
    </message>
    <message>
        <source>Make volunteer</source>
        <translation>改为志愿者</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Badge</source>
        <translation>胸卡</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>队伍</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
</context>
<context>
    <name>PhotoPicker</name>
    <message>
        <source>Choose a photo of the item</source>
        <translation>选择物品照片</translation>
    </message>
    <message>
        <source>Images (*.jpg *.jpeg *.png *.bmp)</source>
        <translation>图片 (*.jpg *.jpeg *.png *.bmp)</translation>
    </message>
    <message>
        <source>Add photo…</source>
        <translation>添加照片…</translation>
    </message>
    <message>
        <source>Change photo…</source>
        <translation>更换照片…</translation>
    </message>
    <message>
        <source>Remove photo</source>
        <translation>删除照片</translation>
    </message>
</context>
<context>
    <name>PickPost</name>
    <message>
        <source>Back to the list</source>
        <translation>返回名单</translation>
    </message>
    <message>
        <source>Check out</source>
        <translation>签退</translation>
    </message>
    <message>
        <source>On duty at {post} since {time}.</source>
        <translation>正在 {post} 值班，{time} 起。</translation>
    </message>
    <message>
        <source>Tap the post to check in at:</source>
        <translation>请点选签到点位：</translation>
    </message>
    <message>
        <source>This station has no posts yet. Ask the station lead.</source>
        <translation>本站还没有点位，请联系站长。</translation>
    </message>
</context>
<context>
    <name>PlacePicker</name>
    <message>
        <source>Or type the place</source>
        <translation>或输入地点</translation>
    </message>
</context>
<context>
    <name>PrinterChooser</name>
    <message>
        <source>Choose a printer</source>
        <translation>选择打印机</translation>
    </message>
    <message>
        <source>Which printer?</source>
        <translation>用哪台打印机？</translation>
    </message>
    <message>
        <source>The station printer &apos;{name}&apos; cannot be found.</source>
        <translation>找不到本站的打印机“{name}”。</translation>
    </message>
    <message>
        <source>Always use this printer at this station</source>
        <translation>本站以后都用这台打印机</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>打印</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>PrivacyPage</name>
    <message>
        <source>No personal details are past their keeping time.</source>
        <translation>没有超过保留期限的个人信息。</translation>
    </message>
    <message>
        <source>Erase them now? This cannot be undone.</source>
        <translation>现在清除吗？清除后无法恢复。</translation>
    </message>
    <message>
        <source>Erase now</source>
        <translation>立即清除</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>不清除</translation>
    </message>
    <message>
        <source>Export personal data</source>
        <translation>导出个人信息</translation>
    </message>
    <message>
        <source>JSON files (*.json)</source>
        <translation>JSON 文件 (*.json)</translation>
    </message>
    <message numerus="yes">
        <source>Erase the personal details in %n of this station&apos;s records about {phone}? The records stay, without the name and number. This cannot be undone.</source>
        <translation>
            <numerusform>将清除本站 %n 条记录中与 {phone} 相关的个人信息（记录本身保留），且无法恢复。确定清除吗？</numerusform>
        </translation>
    </message>
    <message>
        <source>Erase</source>
        <translation>清除</translation>
    </message>
    <message>
        <source>How long personal details are kept</source>
        <translation>个人信息保留期限</translation>
    </message>
    <message>
        <source>Contact details: days kept after an inquiry, report or item is closed</source>
        <translation>联系方式：咨询、失物登记或拾获物品办结后保留的天数</translation>
    </message>
    <message>
        <source>Claimant details: days kept after a return</source>
        <translation>认领人信息：归还后保留的天数</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Erase what is due now…</source>
        <translation>立即清除到期信息…</translation>
    </message>
    <message>
        <source>Everything stored about a phone number</source>
        <translation>按电话号码查找个人信息</translation>
    </message>
    <message>
        <source>Phone number</source>
        <translation>电话号码</translation>
    </message>
    <message>
        <source>Type or paste the number</source>
        <translation>输入或粘贴号码</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>查找</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Erase…</source>
        <translation>清除…</translation>
    </message>
    <message>
        <source>Record kind</source>
        <translation>记录类别</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Station</source>
        <translation>站点</translation>
    </message>
    <message>
        <source>Stored details</source>
        <translation>存储的信息</translation>
    </message>
</context>
<context>
    <name>RecordCard</name>
    <message>
        <source>No photo</source>
        <translation>无照片</translation>
    </message>
    <message>
        <source>Found item {number} · {kind}</source>
        <translation>拾获物品 {number} · {kind}</translation>
    </message>
    <message>
        <source>Found at {place}, {time}</source>
        <translation>拾获于{place}，{time}</translation>
    </message>
    <message>
        <source>Kept at: {place}</source>
        <translation>存放位置：{place}</translation>
    </message>
    <message>
        <source>Lost report {number} · {kind}</source>
        <translation>失物登记 {number} · {kind}</translation>
    </message>
    <message>
        <source>Lost at {place}, {time}</source>
        <translation>遗失于{place}，{time}</translation>
    </message>
    <message>
        <source>Contact: {name} {phone}</source>
        <translation>联系人：{name} {phone}</translation>
    </message>
    <message>
        <source>Colour: {colour}</source>
        <translation>颜色：{colour}</translation>
    </message>
    <message>
        <source>Status: {status}</source>
        <translation>状态：{status}</translation>
    </message>
    <message>
        <source>Registered at station {code}</source>
        <translation>登记站点：{code}</translation>
    </message>
</context>
<context>
    <name>RecordsBehind</name>
    <message>
        <source>Ticket</source>
        <translation>单号</translation>
    </message>
    <message>
        <source>Logged at</source>
        <translation>登记时间</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>处理结果</translation>
    </message>
    <message>
        <source>Post</source>
        <translation>点位</translation>
    </message>
    <message>
        <source>Handled by</source>
        <translation>经办人</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Volunteer</source>
        <translation>志愿者</translation>
    </message>
    <message>
        <source>Badge</source>
        <translation>胸卡编号</translation>
    </message>
    <message>
        <source>Checked in</source>
        <translation>签到</translation>
    </message>
    <message>
        <source>Checked out</source>
        <translation>签退</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>时长（小时）</translation>
    </message>
    <message>
        <source>Item number</source>
        <translation>物品编号</translation>
    </message>
    <message>
        <source>Found at</source>
        <translation>拾获时间</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>描述</translation>
    </message>
    <message>
        <source>Where found</source>
        <translation>拾获地点</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Report number</source>
        <translation>登记编号</translation>
    </message>
    <message>
        <source>Lost at</source>
        <translation>遗失时间</translation>
    </message>
    <message>
        <source>Where lost</source>
        <translation>遗失地点</translation>
    </message>
    <message>
        <source>Returned at</source>
        <translation>归还时间</translation>
    </message>
    <message>
        <source>Claimant</source>
        <translation>领取人</translation>
    </message>
    <message>
        <source>Handed over by</source>
        <translation>经手人</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>队伍</translation>
    </message>
    <message>
        <source>Shifts</source>
        <translation>班次</translation>
    </message>
    <message>
        <source>Hours per post</source>
        <translation>各点位时长（小时）</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在读取…</translation>
    </message>
    <message numerus="yes">
        <source>%n record(s)</source>
        <translation>
            <numerusform>共 %n 条记录</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReturnPanel</name>
    <message>
        <source>{name}: leave empty if the owner collects it</source>
        <translation>{name}：失主本人领取可不填</translation>
    </message>
    <message>
        <source>Please ask the owner to sign in the box.</source>
        <translation>请失主在框内签名。</translation>
    </message>
    <message>
        <source>Return to the owner</source>
        <translation>认领归还</translation>
    </message>
    <message>
        <source>Name of the person collecting it</source>
        <translation>认领人姓名</translation>
    </message>
    <message>
        <source>ID shown</source>
        <translation>出示证件</translation>
    </message>
    <message>
        <source>Last four characters of the ID number</source>
        <translation>证件号后四位</translation>
    </message>
    <message>
        <source>Owner&apos;s signature</source>
        <translation>失主签名</translation>
    </message>
    <message>
        <source>e.g. 123X</source>
        <translation>例如：123X</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>返回</translation>
    </message>
    <message>
        <source>Confirm return</source>
        <translation>确认归还</translation>
    </message>
</context>
<context>
    <name>RosterModel</name>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Badge</source>
        <translation>胸卡</translation>
    </message>
    <message>
        <source>On duty: {post}</source>
        <translation>在岗：{post}</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>当前</translation>
    </message>
</context>
<context>
    <name>SearchPage</name>
    <message>
        <source>Found items</source>
        <translation>拾获物品</translation>
    </message>
    <message>
        <source>Lost reports</source>
        <translation>失物登记</translation>
    </message>
    <message>
        <source>Item {number} was given back to {name}. The return is recorded.</source>
        <translation>物品 {number} 已归还{name}，已记录。</translation>
    </message>
    <message>
        <source>Tap a row to see its details and possible matches.</source>
        <translation>点选一行，查看详情和可能的匹配。</translation>
    </message>
    <message>
        <source>Print return receipt</source>
        <translation>打印归还回执</translation>
    </message>
    <message>
        <source>Type to search: kind, colour, place, number…</source>
        <translation>输入即搜索：类别、颜色、地点、编号…</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Saved. The kiosk locks after {idle} minutes without a touch; five wrong PINs lock a person out for {lockout} minutes.</source>
        <translation>已保存。无人操作 {idle} 分钟后锁屏；连续输错 5 次 PIN 锁定 {lockout} 分钟。</translation>
    </message>
    <message>
        <source>Lock the screen after (minutes without a touch)</source>
        <translation>无人操作多久后锁屏（分钟）</translation>
    </message>
    <message>
        <source>Lock out after five wrong PINs for (minutes)</source>
        <translation>连续输错 5 次 PIN 后锁定（分钟）</translation>
    </message>
    <message>
        <source>With no touch for this long, the kiosk shows the sign-in screen; what was typed is kept as a draft for the same person. Takes effect at the next sign-in.</source>
        <translation>超过这个时间无人操作，屏幕回到登录页；已填写的内容保存为草稿，同一人再次登录后恢复。下次登录时生效。</translation>
    </message>
    <message>
        <source>After five wrong PINs in a row, that person must wait this long.</source>
        <translation>连续输错 5 次 PIN 后，此人需等待这么长时间才能再试。</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
</context>
<context>
    <name>SetupWizard</name>
    <message>
        <source>Set up this station</source>
        <translation>设置本站</translation>
    </message>
    <message>
        <source>Welcome to Red Post Station</source>
        <translation>欢迎使用红驿站</translation>
    </message>
    <message>
        <source>This kiosk is not set up yet. Enter the station&apos;s code and name once; posts can be added later. The station lead signs in with the PIN chosen here.</source>
        <translation>本机尚未设置。请填写一次站点编号和名称；点位以后可以再添加。站长今后用这里设定的 PIN 登录。</translation>
    </message>
    <message>
        <source>Station code (for example YF01)</source>
        <translation>站点编号（例如 YF01）</translation>
    </message>
    <message>
        <source>Station name</source>
        <translation>站点名称</translation>
    </message>
    <message>
        <source>Posts, one per line</source>
        <translation>点位（每行一个）</translation>
    </message>
    <message>
        <source>Station lead&apos;s name</source>
        <translation>站长姓名</translation>
    </message>
    <message>
        <source>Lead&apos;s PIN (4 to 6 digits)</source>
        <translation>站长 PIN（4 到 6 位数字）</translation>
    </message>
    <message>
        <source>The PIN again</source>
        <translation>再输入一次 PIN</translation>
    </message>
    <message>
        <source>Save and start</source>
        <translation>保存并开始</translation>
    </message>
</context>
<context>
    <name>ShiftCard</name>
    <message>
        <source>{m} min</source>
        <translation>{m} 分钟</translation>
    </message>
    <message>
        <source>{h} h {m} min</source>
        <translation>{h} 小时 {m} 分</translation>
    </message>
    <message>
        <source>since {time} · {duration}</source>
        <translation>{time} 起 · 已 {duration}</translation>
    </message>
    <message>
        <source>Check out</source>
        <translation>签退</translation>
    </message>
</context>
<context>
    <name>SignInScreen</name>
    <message>
        <source>2. Type your PIN, then tap Sign in</source>
        <translation>2. 输入 PIN，再点“登录”</translation>
    </message>
    <message>
        <source>2. {name}: your PIN, then Sign in</source>
        <translation>2. {name}，请输入 PIN，再点“登录”</translation>
    </message>
    <message>
        <source>Red Post Station: please sign in</source>
        <translation>红驿站 · 请登录</translation>
    </message>
    <message>
        <source>1. Tap your name</source>
        <translation>1. 点您的名字</translation>
    </message>
    <message>
        <source>Or scan your badge (or type the badge code)</source>
        <translation>或扫胸卡（也可输入胸卡号）</translation>
    </message>
    <message>
        <source>Station lead</source>
        <translation>站长</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>退格</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>Nobody can sign in at this kiosk yet. The county&apos;s IT person sets the first station lead at this computer, in a terminal:</source>
        <translation>这台电脑上还没有可以登录的人员。请县里的信息员在这台电脑的终端里为首位站长设置 PIN：</translation>
    </message>
    <message>
        <source>BADGE is the lead&apos;s badge code on the roster; the command asks for the new PIN twice. Then tap Check again, and the lead can sign in here.</source>
        <translation>BADGE 换成站长在名册上的胸卡号；命令会要求输入两次新 PIN。完成后点“再查一次”，站长就可以在这里登录。</translation>
    </message>
    <message>
        <source>Check again</source>
        <translation>再查一次</translation>
    </message>
</context>
<context>
    <name>SignaturePad</name>
    <message>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <source>Please sign here with a finger</source>
        <translation>请用手指在此签名</translation>
    </message>
</context>
<context>
    <name>SlipPreview</name>
    <message>
        <source>58 mm</source>
        <translation>58mm 小票</translation>
    </message>
    <message>
        <source>80 mm</source>
        <translation>80mm 小票</translation>
    </message>
    <message>
        <source>A5</source>
        <translation>A5 纸</translation>
    </message>
    <message>
        <source>A4</source>
        <translation>A4 纸</translation>
    </message>
    <message>
        <source>{paper} is now this station&apos;s default paper.</source>
        <translation>本站默认纸张已改为：{paper}。</translation>
    </message>
    <message>
        <source>Sent to the printer {name}.</source>
        <translation>已发送到打印机 {name}。</translation>
    </message>
    <message>
        <source>Could not save {path}: {reason}</source>
        <translation>无法保存 {path}：{reason}</translation>
    </message>
    <message>
        <source>Saved as {path}.</source>
        <translation>已保存为 {path}。</translation>
    </message>
    <message>
        <source>Save as PDF</source>
        <translation>存为PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Print preview: {title}</source>
        <translation>打印预览：{title}</translation>
    </message>
    <message>
        <source>Paper:</source>
        <translation>纸张：</translation>
    </message>
    <message>
        <source>Make this the station&apos;s default</source>
        <translation>设为本站默认纸张</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>打印</translation>
    </message>
    <message>
        <source>Choose printer…</source>
        <translation>选择打印机…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>SyncDesk</name>
    <message>
        <source>End-of-day sync</source>
        <translation>日终同步</translation>
    </message>
    <message>
        <source>The last sync, {time}:</source>
        <translation>上次同步（{time}）的结果：</translation>
    </message>
    <message>
        <source>Make today&apos;s daily report</source>
        <translation>生成今日日报</translation>
    </message>
    <message>
        <source>Sync finished in {seconds} s. Some records need a look: see the list below.</source>
        <translation>同步完成，用时 {seconds} 秒。有记录需要查看，请看下面的列表。</translation>
    </message>
    <message>
        <source>Sync finished in {seconds} s.</source>
        <translation>同步完成，用时 {seconds} 秒。</translation>
    </message>
    <message>
        <source>The sync did not finish: {reason} Nothing was lost.</source>
        <translation>同步没有完成：{reason}本机记录都已保存，不会丢失。</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>重试</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>正在开始…</translation>
    </message>
    <message>
        <source>Connecting to central</source>
        <translation>正在连接中心</translation>
    </message>
    <message>
        <source>Sending this station&apos;s records</source>
        <translation>正在上传本站记录</translation>
    </message>
    <message>
        <source>Receiving shared records</source>
        <translation>正在下载共享记录</translation>
    </message>
    <message>
        <source>Checking the counts</source>
        <translation>正在核对</translation>
    </message>
    <message>
        <source>{stage}: {done} of {total}</source>
        <translation>{stage}：{done} / {total}</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>正在同步…</translation>
    </message>
    <message>
        <source>Start sync</source>
        <translation>开始同步</translation>
    </message>
    <message>
        <source>never</source>
        <translation>从未同步</translation>
    </message>
    <message>
        <source>Last successful sync: {time}</source>
        <translation>上次成功同步：{time}</translation>
    </message>
    <message>
        <source>This kiosk is not linked to central yet. The station lead links it once, with the address the county office gave when it registered the station:
redpost connect --central ADDRESS</source>
        <translation>本机尚未连接中心数据库。请站长用县联盟办公室登记本站时给出的地址连接一次：
redpost connect --central 地址</translation>
    </message>
    <message>
        <source>Central: {url}    Last successful sync: {time}</source>
        <translation>中心数据库：{url}    上次成功同步：{time}</translation>
    </message>
    <message>
        <source>Everything is sent; a sync brings what the others shared.</source>
        <translation>本站记录都已上传；同步可取回其他站点共享的记录。</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message numerus="yes">
        <source>Records waiting to be sent: %n — </source>
        <translation>
            <numerusform>有 %n 条记录等待上传：</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Records from earlier syncs that need a look: %n.</source>
        <translation>
            <numerusform>之前的同步中有 %n 条记录需要查看。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SyncKinds</name>
    <message>
        <source>Post</source>
        <translation>点位</translation>
    </message>
    <message>
        <source>Volunteer</source>
        <translation>志愿者</translation>
    </message>
    <message>
        <source>Quick answer</source>
        <translation>常见问题</translation>
    </message>
    <message>
        <source>Shift</source>
        <translation>签到记录</translation>
    </message>
    <message>
        <source>Inquiry</source>
        <translation>游客咨询</translation>
    </message>
    <message>
        <source>Inquiry note</source>
        <translation>咨询跟进</translation>
    </message>
    <message>
        <source>Police hand-over</source>
        <translation>移交公安</translation>
    </message>
    <message>
        <source>Found item</source>
        <translation>拾获物品</translation>
    </message>
    <message>
        <source>Lost report</source>
        <translation>失物登记</translation>
    </message>
    <message>
        <source>Item return</source>
        <translation>物品归还</translation>
    </message>
    <message>
        <source>Audit entry</source>
        <translation>操作记录</translation>
    </message>
</context>
<context>
    <name>TodayDesk</name>
    <message>
        <source>Today</source>
        <translation>今日概况</translation>
    </message>
    <message>
        <source>{what} — {when}</source>
        <translation>{what} — {when}</translation>
    </message>
    <message>
        <source>Inquiries on {day}</source>
        <translation>{day} 的咨询求助</translation>
    </message>
    <message>
        <source>Shifts at {post}</source>
        <translation>{post} 的班次</translation>
    </message>
    <message>
        <source>Shifts of {name}</source>
        <translation>{name} 的班次</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <source>MMMM yyyy</source>
        <translation>yyyy年M月</translation>
    </message>
    <message>
        <source>yyyy-MM-dd dddd</source>
        <translation>yyyy年M月d日 dddd</translation>
    </message>
    <message>
        <source>Day overview</source>
        <translation>今日概况</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>本月</translation>
    </message>
    <message>
        <source>Monthly report PDF</source>
        <translation>月报 PDF</translation>
    </message>
    <message>
        <source>Daily report PDF</source>
        <translation>日报 PDF</translation>
    </message>
    <message>
        <source>Previous month</source>
        <translation>上个月</translation>
    </message>
    <message>
        <source>Previous day</source>
        <translation>前一天</translation>
    </message>
    <message>
        <source>Next month</source>
        <translation>下个月</translation>
    </message>
    <message>
        <source>Next day</source>
        <translation>后一天</translation>
    </message>
    <message>
        <source>Visitor inquiries</source>
        <translation>游客咨询</translation>
    </message>
    <message>
        <source>Inquiries each day</source>
        <translation>每日咨询求助（件）</translation>
    </message>
    <message>
        <source>Volunteers who served</source>
        <translation>志愿者服务</translation>
    </message>
    <message>
        <source>Volunteer</source>
        <translation>志愿者</translation>
    </message>
    <message>
        <source>Badge</source>
        <translation>胸卡编号</translation>
    </message>
    <message>
        <source>Shifts</source>
        <translation>班次</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>时长（小时）</translation>
    </message>
    <message>
        <source>Hours per post</source>
        <translation>各点位时长（小时）</translation>
    </message>
    <message>
        <source>inquiries</source>
        <translation>咨询求助（件）</translation>
    </message>
    <message>
        <source>resolved on the spot</source>
        <translation>当场解决</translation>
    </message>
    <message>
        <source>median time to resolve</source>
        <translation>办结用时中位数</translation>
    </message>
    <message>
        <source>escalations still open</source>
        <translation>未结上报事项</translation>
    </message>
    <message>
        <source>volunteers served</source>
        <translation>服务志愿者（人）</translation>
    </message>
    <message>
        <source>shifts</source>
        <translation>班次</translation>
    </message>
    <message>
        <source>hours served</source>
        <translation>服务时长（小时）</translation>
    </message>
    <message>
        <source>{n} min</source>
        <translation>{n} 分钟</translation>
    </message>
    <message>
        <source>resolved on the spot ({share})</source>
        <translation>当场解决（{share}）</translation>
    </message>
    <message>
        <source>Lost and found</source>
        <translation>失物招领</translation>
    </message>
    <message>
        <source>items handed in</source>
        <translation>拾获登记</translation>
    </message>
    <message>
        <source>of these, returned to owners</source>
        <translation>其中已归还失主</translation>
    </message>
    <message>
        <source>return rate</source>
        <translation>归还率</translation>
    </message>
    <message>
        <source>returns made</source>
        <translation>本期归还</translation>
    </message>
    <message>
        <source>losses reported</source>
        <translation>失物登记</translation>
    </message>
    <message>
        <source>items due for the police</source>
        <translation>待移交公安</translation>
    </message>
</context>
<context>
    <name>TodayList</name>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Search: ticket number or words</source>
        <translation>搜索：单号或文字</translation>
    </message>
    <message>
        <source>Today&apos;s inquiries</source>
        <translation>今天的咨询</translation>
    </message>
    <message>
        <source>Inquiries of {day}</source>
        <translation>{day} 的咨询</translation>
    </message>
    <message>
        <source>Nothing matches.</source>
        <translation>没有符合条件的咨询。</translation>
    </message>
    <message>
        <source>No inquiries yet for this day.</source>
        <translation>这一天还没有咨询。</translation>
    </message>
</context>
<context>
    <name>TrailActions</name>
    <message>
        <source>Created</source>
        <translation>新建</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>修改</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Printed</source>
        <translation>打印</translation>
    </message>
    <message>
        <source>Exported</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Personal data erased</source>
        <translation>清除个人信息</translation>
    </message>
    <message>
        <source>Retention run</source>
        <translation>到期清除</translation>
    </message>
    <message>
        <source>Synced</source>
        <translation>同步</translation>
    </message>
    <message>
        <source>Signed in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>Wrong PIN</source>
        <translation>PIN 错误</translation>
    </message>
    <message>
        <source>Locked out</source>
        <translation>PIN 锁定</translation>
    </message>
    <message>
        <source>PIN set</source>
        <translation>设置 PIN</translation>
    </message>
    <message>
        <source>Own PIN changed</source>
        <translation>修改本人 PIN</translation>
    </message>
    <message>
        <source>PIN taken away</source>
        <translation>取消 PIN</translation>
    </message>
    <message>
        <source>Role changed</source>
        <translation>更改角色</translation>
    </message>
    <message>
        <source>lead</source>
        <translation>站长</translation>
    </message>
    <message>
        <source>volunteer</source>
        <translation>志愿者</translation>
    </message>
</context>
<context>
    <name>TrailModel</name>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>操作人</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Record kind</source>
        <translation>记录类别</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>详情</translation>
    </message>
</context>
<context>
    <name>TrailPage</name>
    <message>
        <source>All days</source>
        <translation>全部日期</translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation>全部人员</translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation>全部类别</translation>
    </message>
    <message>
        <source>All actions</source>
        <translation>全部操作</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>Record kind</source>
        <translation>记录类别</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Check the trail</source>
        <translation>校验记录</translation>
    </message>
</context>
<context>
    <name>VolunteerDesk</name>
    <message>
        <source>Check in and out</source>
        <translation>签到签退</translation>
    </message>
    <message>
        <source>Today&apos;s hours</source>
        <translation>今日时长</translation>
    </message>
    <message>
        <source>New volunteer</source>
        <translation>新增志愿者</translation>
    </message>
    <message>
        <source>Volunteer check-in</source>
        <translation>志愿者签到</translation>
    </message>
    <message>
        <source>Check-in</source>
        <translation>志愿者签到</translation>
    </message>
    <message>
        <source>{name} checked in at {post}, {time}</source>
        <translation>{name} 已在 {post} 签到 {time}</translation>
    </message>
    <message>
        <source>{name} checked out at {time}, after {hours} h at {post}</source>
        <translation>{name} 已签退 {time}，在 {post} 服务 {hours} 小时</translation>
    </message>
    <message>
        <source>Check out {name}</source>
        <translation>为{name}签退</translation>
    </message>
    <message>
        <source>Check in at {post}</source>
        <translation>在 {post} 签到</translation>
    </message>
    <message>
        <source>{name} (badge {badge}) is on the roster now.</source>
        <translation>已将 {name}（胸卡 {badge}）登记到名册。</translation>
    </message>
    <message>
        <source>This station has no posts yet, so nobody can check in. Ask the station lead.</source>
        <translation>本站还没有点位，无法签到。请联系站长。</translation>
    </message>
</context>
<context>
    <name>WhenPicker</name>
    <message>
        <source>Just now</source>
        <translation>刚刚</translation>
    </message>
    <message>
        <source>1 hour ago</source>
        <translation>1小时前</translation>
    </message>
    <message>
        <source>This morning</source>
        <translation>今天上午</translation>
    </message>
    <message>
        <source>Other…</source>
        <translation>其他时间…</translation>
    </message>
    <message>
        <source>Time recorded: {time}</source>
        <translation>记录时间：{time}</translation>
    </message>
</context>
</TS>
